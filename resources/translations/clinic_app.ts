<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
    <context>
        <name>AcknowledgeDialog</name>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>%1 %2 (%3): %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>&amp;Acknowledge</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>&amp;Note (what was done, who was called; kept with your name):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Acknowledge %1 alert</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Add user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Full name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Add a user - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>At least {count} characters. Tell it to the user in person.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>First &amp;password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>R&amp;epeat password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>The two passwords are not the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AffectedBookingsModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Chair / station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Why it no longer fits</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Time ({zone})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>User</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>added</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>alert acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>back in use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>check-in override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>clinic settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>closed date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>deactivated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>exported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>imported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>letters printed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>logged in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>logged out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>login failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>login while locked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>new password no longer required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>new password required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>no</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>opening hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>outside exposure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>override recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>password set</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>patient record {id} (not found)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>permission</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>re-checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>reactivated</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>refused (no permission)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>removed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>result alert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>result recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>retired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>role changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule reset</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>status changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>weight recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>yes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>AuditWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Export to CSV...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Patient MRN:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;User:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Apply the filters and load again (F5)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Audit trail - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Changes:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Entry {id}: {user}, {action}: {record}, at {time} ({zone})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Export the audit trail to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Loading...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Only the newest {limit} are shown: narrow the filters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Patient: {patient}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Select an entry to see everything it recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>T&amp;o:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>The 'to' date is before the 'from' date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>The file could not be written: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>any patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>any user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>{count} entries exported to {file}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>{count} entries, newest first. Times in {zone}.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BookingDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 (%2 min)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 (%2), %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 suggested start    %2 a start of the weekly slot template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Date and time:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Find:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;New patient…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Prescriber:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Therapy:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>1 free slot. Enter takes it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>A dose that falls on a day the clinic is closed moves to the next open day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>A later dose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Any free chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Book (Ctrl+Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>C&amp;hair:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a patient first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy first</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+Enter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+L</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+Return</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>D&amp;oses:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Dose dates: {dates}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Find next free &amp;slots (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Free slots that pass every safety rule.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Free slots with no HARD finding; BLOCK ones need your override reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Looking for free slots…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>More than one books a series (next doses, iron course)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>New booking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>No free slot in the next %1 days passes the safety rules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>None passes in the %1 days after that either.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Phone or e-mail (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Point at a slot's time to read why it is suggested or a template start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Practice (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's phone or e-mail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Reading the patient's sessions…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>The first slot that passes: %1 at %2, %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>The safety check runs as soon as a patient and a therapy are chosen.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>closed day: next open da&amp;y</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>day(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>dose %1 on %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>e&amp;very</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>month(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>week(s)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>{day} (moved from {closed}, closed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>{n} free slots, earliest first. Enter takes one.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>BuildTemplateDialog</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source> s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source> weeks</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Build</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;History:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Time limit per weekday:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>At most about %1 s for %2 open weekdays.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Build slot template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>The template is worked out from the sessions of the last weeks (each weekday's average demand). It replaces the template in force for every desk.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Time limit per weekday in seconds</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Weeks of history</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CancelDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>&amp;Keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel %1 for %2 (%3) on %4 at %5 in %6?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel &amp;session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Lab draws that only this session needs are cancelled with it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>e.g. patient phoned, unwell</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CancelReasonDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Keep it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Reason (required; it is kept in the audit trail):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel %1's %2 at %3 in %4?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel &amp;session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel session</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CapacityDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Booked chair-h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Idle chair-h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Minutes needing more nurses than are on duty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Minutes over</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Most nurses needed at one minute (set-ups plus monitored patients)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Most set-ups and take-downs in progress at one minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses on duty at the first minute of the peak</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>On duty then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak at</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak set-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>no rota</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CapacityWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>&amp;Days (choose one to see its nurse load):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Booked chair-hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Building the report...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Capacity report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Capacity report - %1 to %2 - %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chair-hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chair-hours per open day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of booked and idle chair-hours per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the chosen day's nurse load</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the peak nurse load per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the waitlist per therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Days of the capacity report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Idle chair-hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load on %1: nothing booked, no rota</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses / set-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses for monitoring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses on duty</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Offered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>On duty then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Patients (nobody waiting)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Patients (the longest waiting since %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak nurse load per open day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak nurses needed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak set-ups</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Set-ups and take-downs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>The report could not be built: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation %1, idle %2 chair-hours, %3 minutes over nurse capacity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waitlist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waitlist on %1: %2 waiting, %3 offered, %4 expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Your role may not see the capacity report.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChairChart</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chart of utilisation per chair</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ChairsModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>in use</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>retired (no new bookings)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CheckInOverrideDialog</name>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>%1 (%2): %3 at %4 in %5 cannot be marked %6 as it stands.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>Check in &amp;with override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>Check-in stopped by a safety rule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>checked in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>do not start: talk to the prescriber, or rebook</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClinicSettings</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Bookings affected - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{change}: {count} future booking(s) would no longer fit. They are kept and listed for rebooking. Make the change?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{kind} {day} {start}-{end}, {mrn} {patient}, {place}: {problem}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClinicSettingsWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Add chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Import bank holidays...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Opening hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Retire selected...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Save opening hours...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Time zone and lab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Use selected again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Years:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Boo&amp;kings to rebook after the last change:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>C&amp;hairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Clinic settings - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Clo&amp;se the clinic that day...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Closed &amp;dates</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Closes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Co&amp;untry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>D&amp;ate:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Draws &amp;per slot:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Nothing was changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Op&amp;en again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Open on {day}s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Opens</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Re&amp;gion:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Rena&amp;me selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>S&amp;et time zone...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saved: {change}. No booking is affected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saved: {change}. {count} booking(s) to rebook are listed below.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Select a chair first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Select a closed date first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Set &amp;lab capacity...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>The opening hours are unchanged.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Time &amp;zone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>a new chair, or the new name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>at the {station}, one slot = {minutes} min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>e.g. ENG (optional)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>e.g. staff training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{day} closes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{day} opens</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ClosedDatesModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Reason</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ComplianceDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Fill</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Filled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Off template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions on a template start, of all sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions that start where the template has no free start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts filled, of all template starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Unused</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ComplianceWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>&amp;Days:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Building the report...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Chart of filled template starts, sessions off the template and unused starts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance %1, fill %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Days of the compliance report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>No slot template is in force: every session counts as off the template. Build one in Reports &gt; Slot template.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Off the template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>On a template start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions per open day against the template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template compliance</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template compliance - %1 to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts unused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>The report could not be built: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Totals: %1 template starts, %2 filled, %3 sessions off the template, %4 starts unused; compliance %5, fill %6.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Your role may not see the compliance report.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DailyList</name>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>%1 (continued)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>%1 - daily list for %2 - printed %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Chairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Co-therapy flags on this chair: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Daily list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Daily list %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Due and not done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Due window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Findings and override (who, why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>For</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>In chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Lab draws today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Lab station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>No lab draws today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Nothing is booked for this day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Sessions: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Tests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DailyListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>%1 overridden by %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>%1–%2 (%3 min)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(%1 hand-offs)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(1 hand-off)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(no nurse free for part)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(prescriber consulted: %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>CO-THERAPY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Co-therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>IV iron and an antiresorptive too close together (E2-E7)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>No nurse rota for this day: bookings are not nurse-checked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Override (who: why)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>The nurse who looks after the patient (most of the session)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>URGENT result: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>monitoring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>no nurse free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>set-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>take-down</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DailyListWindow</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1 is now %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1 sessions, %2 with a co-therapy flag, %3 lab draws, %4 overdue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1's patients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Back to booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;In chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Next day ▶</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Print...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Save as PDF...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>A4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>All patients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>CO-THERAPY FLAG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>CO-THERAPY flags today (%1): </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Ca&amp;ncel...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list - %1 - %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Day shown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Everyone's patients, or one nurse's patients today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Lab draws</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Lab draws: %1 due today, %2 due and not done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Late sessions or a nurse off sick: propose the changes (Ctrl+Shift+J)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>N&amp;o-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>No findings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Override by %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Paper size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Prescriber consulted: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Prescriber: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print pre&amp;view...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print preview - daily list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Re-plan &amp;day...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Re-plan applied: %1 session(s) moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Record resul&amp;ts...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Record the results of the selected lab draw (Ctrl+Shift+T)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Res&amp;ults list...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Save daily list as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Select a lab draw to record its results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Select a session to see its findings and override.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Sessions of the day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Show the patients of</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status not changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status reason: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>◀ &amp;Previous day</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DayChart</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>%1 of %2 chair-hours booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chart of chair-hours per day</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DayGrid</name>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>ALN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>DMAB</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FCM</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FDI</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FMX</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IBN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IBN po</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>LMWID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>RIS</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>SFG</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>ZOL</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DayGridModel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>%1 (inactive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>Lab station</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DetailsPanel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1, %2–%3 · %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1–%2 %3: %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Lab station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>No safety findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Nothing selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Reason: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Safety findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Safety findings (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Select a session in the grid to see its details and safety findings. Enter on a free slot starts a booking there.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EditExposureDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Last dose on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Ongoing since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Where given:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Edit exposure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown: type the date if known</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Browse...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Chair:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;From:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Page size (PDF):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Status:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;To:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>A4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All chairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All statuses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All therapies</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>CSV (spreadsheet text)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Cancel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Choose where to save the file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Excel workbook (.xlsx)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export cancelled; no file was written.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export schedule</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exported %1 sessions to %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exporting sessions...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exporting sessions... %1 so far (up to %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>F&amp;ormat:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>PDF (printable table)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Save &amp;as:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>T&amp;herapy:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>The end date is before the start date.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>The export failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Your role may not export schedules.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>iCalendar (.ics; initials, therapy and chair only)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExposureDialogs</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown (recorded as %1, unconfirmed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>ongoing since %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExposureTableModel</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Drug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Last dose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Ongoing since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Where given</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindPatientDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/find_patient_dialog.py" />
            <source>&amp;Name, MRN, date of birth or phone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/find_patient_dialog.py" />
            <source>Find patient</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FindingTableModel</name>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>(overridden)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>Finding</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>Severity</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>The rule id and its evidence are on the line under each finding.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Create administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Full name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Repeat password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>At least {count} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Create the administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter a user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>First start - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Nobody can use clinic_app on this database yet. Create the first administrator account now. The administrator adds the other users (front desk, nurses, managers) later, under Users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic database could not be reached: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The password must be at least {count} characters long.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The two passwords are not the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ImportRefusedDialog</name>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Import refused</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Nothing was imported from %1: the file is imported whole or not at all. Correct these lines (or ask the laboratory to resend) and import it again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Refused lines</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LabListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>DUE AND NOT DONE</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Due today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Due window</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>For</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Tests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LabTableModel</name>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Tests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>already booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>will be added</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Letters</name>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source> (done)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 - for %2 - written %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 - letter about %2 (%3) - written %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 on %2 (booked)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 on %2 (given)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, date of the last dose not known</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, last dose %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, phone %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, taken since %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>, from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>About: %1, born %2, our record number %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>After your iron infusion</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Before going ahead our nurse discussed it with %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Blood tests we have booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Call us if you notice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Date: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Dear colleague,</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>For %1, born %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>IV iron can make the phosphate and calcium in the blood fall in the weeks after the infusion, and an antiresorptive given in that time can make them fall further.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>IV iron given while on an antiresorptive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>If you feel very unwell, get urgent medical help.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Information for you</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Letter to the outside prescriber: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Letter to the prescriber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Letters saved for %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>No antiresorptive before %1 without calcium and phosphate.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No blood tests are booked with us for this iron.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No blood tests are booked with us.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No bone medicine (%1) before %2 without a check of your calcium and phosphate first. Show this sheet to the doctor who gives you your bone medicine.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>No letters: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Our clinic gives this patient IV iron:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Patient sheet: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Please come to each one: the results keep you safe.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Please: no antiresorptive before %1 without checking calcium and phosphate first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Questions about this letter: %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Save the letters in which folder?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Tests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>The clinic has no phone number yet, so the sheet names the clinic only; an administrator can add it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>The iron was prescribed by %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>To: the prescriber of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>We have on record that %1 has this bone medicine (an antiresorptive) from you:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Whom to call</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>You also have a bone medicine from another doctor (%1). Together, the iron and the bone medicine can lower the calcium and phosphate in your blood in the weeks after the iron.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>You had iron through a drip (%1) on %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your blood tests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your bone medicine</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your iron</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your iron through a drip (%1) is booked for %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Yours sincerely,</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>bone pain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>calcium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>haemoglobin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>iron stores (ferritin)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>kidney function (creatinine)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>magnesium</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>muscle cramps or spasms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>muscle weakness</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>parathyroid hormone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>phosphate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>tingling or numbness, for example around the mouth or in the fingers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>transferrin saturation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>vitamin D</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Log in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Switch user</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;User name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Clinic server: {server}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter your password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter your user name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Locked - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Log in - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Log in as another user. Windows left open by the previous user are closed and their unsaved changes are lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Set a new password to continue.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic database could not be reached: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic server could not be reached. Check the network and try again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The user name or password is not right. Check Caps Lock and try again. After {count} wrong tries the account is locked for a while.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>This account is locked until {time} after {count} wrong passwords. Try again then, or ask an administrator to reset the password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>for example ada.lovelace</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>%1 (%2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>%1 - CLINIC CLOSED</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>%1 - front desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>%1: %2 (%3), %4, %5 in %6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>%1: its own shade</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Administration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Audit trail</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>&amp;Cancel session…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Day grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Details panel</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>&amp;Dismiss message</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Find patient…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Go to date…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Language</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Lock now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>&amp;Move…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>&amp;New booking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Next day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Patient…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Previous day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Results list…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Users…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Waitlist…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Week overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 cancelled (not drawn)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 co-therapy flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 dose booked as one course.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw no longer needed was cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw serves this booking.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 overdue lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>A BLOCK a clinician overrode, with a reason (see the details panel)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Acting as %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Add users and set passwords (administrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>After IV iron: the letter to the outside prescriber and the patient sheet (PDF)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Home</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Left</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Right</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>BLOCK✓ = overridden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Back to &amp;booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Bisphosphonate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Blood draws at the lab station (last column)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book a &amp;series…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book a session (at the selected chair and time)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book the next doses or an iron course in one go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Cancel the selected session, with a reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Cancelled sessions leave the grid; the day's summary counts them</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Cancelled: hidden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Chair occupancy for the whole week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Clinic &amp;settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>Closed (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Could not load this day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Cover the screen until the password is entered again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+F</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+G</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+M</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+P</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+PgDown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+PgUp</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Q</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+I</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Shift+L</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+Shift+N</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+U</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Shift+W</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+T</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Denosumab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Esc</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>F5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>F9</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Find a patient by name, MRN, date of birth or phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Go to date (Ctrl+G)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Grey and hatched, with the word NO-SHOW: the patient did not come</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Grey: the session is completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>IV iron</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Lab draw</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Let another user log in without closing the app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Load the day again from the database</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Loading…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;in chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;no-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Move the selected session to another time or chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Moved</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Moving…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>Navigation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>No-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Not moved: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Now</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Open the selected session's patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Opening hours, closed dates, time zone, lab capacity, chairs (administrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Patients waiting for an earlier slot; offers of freed slots</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Print &amp;letters…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>S&amp;tatus</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>S&amp;witch user…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Select a booked session to move it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Select a session to cancel it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Select an IV iron session to print its letters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>Selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show the day after</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show the day before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show today's grid</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Showing %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>The language changes to %1 at the next start.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>The time now; earlier time on today's grid is shaded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>The worst safety finding of the session, as an icon and its word</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Type or pick a date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>URGENT and low results, results not back, sessions that cannot go ahead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Week overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Who changed what, and when (managers and administrators)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Working…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>closed date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>not an opening day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} cancelled (not drawn)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} co-therapy flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} doses booked as one course.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws no longer needed were cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws serve this booking.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} overdue lab draws</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} sessions</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MessageBanner</name>
        <message>
            <location filename="clinic_app/gui/common/message_banner.py" />
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>%1 (%2): %3, now %4 %5-%6 in %7</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>&amp;Move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Any free chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>C&amp;hair:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Ctrl+Return</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Lab draws after the move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Move session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>New &amp;date and time:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>choose another date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>moved</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NewPatientForm</name>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>&amp;MRN:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Back to &amp;search</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Create &amp;patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Date of &amp;birth:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>F (female)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Full na&amp;me:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>M (male)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>New patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>P&amp;hone:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Se&amp;x:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>X (other)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>not recorded</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NurseList</name>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 (continued)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 (due and not done)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 - daily list by nurse for %2 - printed %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Daily list by nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Daily list by nurse %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Hand-offs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Labs due</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>No nurse rota for this day: no session has a nurse.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>No patients.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>On duty %1 min; nurse work %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Patients: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Unassigned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>monitoring</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>no nurse free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>set-up</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>take-down</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NurseListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>%1 (patients: %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>On duty %1 min; nurse work %2 min. Drop a patient here to hand over.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NursePanel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Drag a patient onto a nurse to hand her over.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>No nurse rota for this day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Nurses to&amp;day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Nurses today</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NursePickerDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>&amp;Nurse:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>NurseTools</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>%1 is not free for most of %2's session; %3 keeps it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>%1 is now looked after by %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>&amp;My patients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Daily list by nurse %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Hand the selected patient to another nurse (Ctrl+Shift+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>My patients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Nurse not changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>One page per nurse with her patients, then the unassigned (Ctrl+Shift+B)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Patients of %1 today: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Print b&amp;y nurse...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Print preview - daily list by nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Reassi&amp;gn to nurse...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Reassign to nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Save by nurse as PD&amp;F...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Save daily list by nurse as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Show only my patients today (Ctrl+Shift+M)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Which nurse looks after %1 (%2, %3)?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Which nurse of today's rota are you?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>no nurse</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Repeat password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Set password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>At least {count} characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New &amp;password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New password for {user}. It also unlocks the account if it was locked after wrong passwords.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Set a password - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>The two passwords are not the same.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatientDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Book for this patient…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Drug:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Edit exposure…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Last dose on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Ongoing since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Record exposure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Where given:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Drugs given elsewhere (outside exposures)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure corrected: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure recorded: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure removed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Last dose &amp;unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>MRN %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Next doses:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>No antiresorptive schedule to follow.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Patient %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Re&amp;move exposure…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Sessions and lab draws</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>The patient's booked sessions were checked again against it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>The patient's booked sessions were checked again without it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>YYYY-MM-DD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>e.g. GP surgery, St Mary's Hospital</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>phone %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>sex %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatientHistory</name>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>%1, date unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>%1, ongoing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>(+%1 more)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Booked: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Booked: nothing from today on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Recent doses: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Recent doses: none recorded.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>elsewhere</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>here</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatientListModel</name>
        <message>
            <location filename="clinic_app/gui/common/patient_list_model.py" />
            <source>%1 · %2 · %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/patient_list_model.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PatientPicker</name>
        <message>
            <location filename="clinic_app/gui/common/patient_picker.py" />
            <source>Name (any order), MRN, date of birth or phone</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PdfExport</name>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>%1 - generated %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>; prescriber consulted: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>CO-THERAPY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Findings and overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>No sessions match this export.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Page %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Page %1 of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Prescriber: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Schedule export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>the file or printer cannot be written</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>↳ Override by %1: %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>PeriodToolbar</name>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source> &amp;From </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source> &amp;to </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source>&amp;Show report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source>Report</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RecordResultsDialog</name>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 (%2), lab draw %3 booked %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 unit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>&amp;Drawn at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>&amp;Save results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Patient's &amp;weight (kg):</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Record results - lab draw %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Test</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Type at least one value, or the weight.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Unit (SI)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Value</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>kg, at this visit (for the clearance)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RemoveExposureDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Re&amp;move</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Remove %1? It stays in the audit trail with the reason.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Remove exposure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>e.g. recorded for the wrong patient</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReplanDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source> min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>%1 session(s) move, %2 need(s) a new day, %3 get(s) another nurse.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Apply changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Propose</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>(nobody)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>A manager takes %1 off the rota first; then re-plan with nobody off sick to apply.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Applying cancels the sessions that need a new day, to be rebooked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>No re-plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Nurse &amp;off sick:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Proposed changes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Re-plan %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Re-plan not applied</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Session running &amp;late:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>The day keeps every session as it is.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Your role may look at the re-plan, not apply it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReplanModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Another nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>It would end after closing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Its chair is taken then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Needs a new day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>No nurse free then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Running late</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>The patient is still in another session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Why</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>nobody</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ReportsMenu</name>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Capacity report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Daily list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Export schedule...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Reports</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Utilisation report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>Slot &amp;template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>Template c&amp;ompliance report</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultsListModel</name>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>%1, %2, %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>ALERT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Act now, then acknowledge with a note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Call the prescriber, then acknowledge with a note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Chase the laboratory, or record the results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Do not start: override at check-in or rebook</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Kind</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Lab draw %1: %2 not back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>NOT BACK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>STOPPED</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>To do</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>URGENT</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>drawn %1, due by %2</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ResultsWindow</name>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 URGENT, %2 low after iron (call the prescriber), %3 not back, %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 results imported from %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 results recorded</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Acknowledge…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>1 session that cannot go ahead</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>; alerts raised: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Acknowledge the selected alert with a note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Alert acknowledged: %1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Alert not acknowledged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import a laboratory file (CSV or HL7), all or nothing</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import laboratory results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Laboratory files (*.csv *.hl7 *.txt);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Nothing imported from %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Nothing needs a nurse about results today.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Read the list again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Record &amp;results…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Record results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results list</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results list - %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results needing a nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Select a line to see it in full.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>The results just recorded stop them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Type the results of the selected draw that is not back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>{n} sessions that cannot go ahead</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Change role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Change a role - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New role for {user}, now {role}. They are logged out everywhere and log in again with the new role.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SafetyPanel</name>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>1 lab draw will be added.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>A finding marked BLOCK needs a clinical override, which only a nurse can give. Ask a nurse, or %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>A finding marked BLOCK needs a clinical override. Give the clinical reason and the prescriber you consulted below to go ahead, or %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1, with 1 warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1, with {n} warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1: no safety problems found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Cannot be %1: a safety rule forbids it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Checking…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Clinical &amp;override reason:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Lab draws for this booking</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Needs a clinical override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>No new lab draws needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Prescriber consu&amp;lted:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Safety check</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>The prescriber you discussed this with (name, practice)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>This cannot be overridden. Talk to the prescriber; the finding marked HARD below says why.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Why the benefit outweighs the risk (recorded with your name)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>choose another therapy or date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>{n} lab draws will be added.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SavePdf</name>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>PDF (*.pdf)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>Save as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SessionGuard</name>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Locked to protect patient data.
{user} is logged in: enter the password to go on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Log in as another user. Windows other than the main window are closed and their unsaved changes are lost.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>The screen was locked after {minutes} min without use. Enter your password to go on where you left off, or switch user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Your session on the clinic server has ended (it expired, or an administrator changed your account). Log in again to go on where you left off, or switch user.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>clinic_app - locked</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Action</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>In the grid: arrow keys move, Enter opens the patient or books the free slot, drag a session to move it. In the booking dialog: Enter takes the patient or slot, Ctrl+F finds free slots, Ctrl+Enter books.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Shortcut</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SlotTableModel</name>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Safety</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Suggested: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Template: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>[T]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>no findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>suggested</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>template start</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>  {user} ({role})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>Demo clinic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The clinic server has no users yet. Set the clinic up on the server first (clinic-app --db URL init --admin NAME), then start again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The clinic was empty, so a demo clinic was set up to try the app.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The demo clinic could not be set up: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>To try the other roles, log in as:
{accounts}
with the demo password "{password}" (the same for each; it is published in the README).

This database is for trying the app only: start the real clinic on a new database.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>front desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>nurse</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>StoppedSessions</name>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>%1 %2, %3: %4 for %5 (%6)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>%1. They stay booked and show it on the grid and the daily list; a nurse decides at check-in (override with a reason, or rebook). %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>(rule %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>1 booked session cannot go ahead as it stands</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>Booked sessions now stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>Sessions now stopped</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>{n} booked sessions cannot go ahead as they stand</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 min (set-up %2, take-down %3)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Chair time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Filled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Planned</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Still free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>full</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateGridModel</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 (set-up %2 min, take-down %3 min): %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 x %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>1 template start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>no template start</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>{n} template starts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TemplateWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1: %2 template starts, %3 filled, %4 still free.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1: no template starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Build template...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>A new template is in force.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Best found within the time limit on every weekday (none proven optimal).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Building the slot template from %1 weeks of sessions...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Building the slot template...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Built %1 by %2 from the sessions of %3 to %4 (%5 weeks), %6 chairs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Ctrl+B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>D&amp;ay:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template built</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template yet: a manager builds one from the clinic's history.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template yet: build one from the clinic's history (Ctrl+B).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Only managers and administrators may build a template.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Proven optimal on %1; the best found within the time limit on the others.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Proven optimal on every weekday.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Reading the day...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Reading the template...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Slot template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template starts of the day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template starts per weekday and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>The history asks for no sessions: the template has no starts.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Work out a new template from the clinic's history (Ctrl+B)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>TimelineTableModel</name>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Lab draw: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Lab station</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>What</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>When</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Where</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UrgentBanner</name>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>Acknowledge it with a note in the results list (Ctrl+Shift+R) once acted on.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>URGENT %1 (%2): %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>Urgent result alerts</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserAdmin</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Administrator</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>An administrator asks you to set a new password before you continue. Choose one only you know.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Books, moves and cancels sessions; adds patients and exposures.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Deactivate a user - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Deactivate {user}? They can no longer log in and are logged out everywhere at once. Their records and audit trail stay; you can activate them again later.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Everything the front desk does, plus clinical overrides and statuses.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Front desk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Manager</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Nurse</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Reads everything, exports and reports; no clinical override.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Set a new password - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Users, clinic settings and rule parameters; reads and exports.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserAdminWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Add user...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Deactivate...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Reset password...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Ac&amp;tivate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Change r&amp;ole...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Close</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New password set for {user}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Re&amp;fresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Require new pass&amp;word</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Users - clinic_app</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Withdraw new pass&amp;word</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{count} users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} is now {role} and was logged out everywhere.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} must set a new password at the next login.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} no longer has to set a new password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was activated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was added as {role}.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was deactivated and logged out everywhere.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UserTableModel</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Full name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>State</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>User name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>active, must set a new password</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>inactive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>locked until {time} UTC</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UtilisationChart</name>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>%1  (%2 of %3 h)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Chair-hours per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>No chairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>No open days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Utilisation per chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>of which no-show</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UtilisationReport</name>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>%1 - utilisation report - generated %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>(inactive)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Available h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Booked h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Cancelled sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair-hours available</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair-hours booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Clinical overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy findings and overrides per month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Figure</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No days in this period.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-show h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-show rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Per chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions (not cancelled)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions flagged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions per therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions with a co-therapy flag</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Utilisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Utilisation report</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>UtilisationWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source> From </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source> to </source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>&amp;Save as PDF...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>&amp;Show report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>A4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Available h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Booked h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Building the report...</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy and overrides per &amp;month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy findings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>From</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Letter</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>No-show h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>No-shows</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Overrides</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Paper size</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per &amp;chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per &amp;day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per t&amp;herapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Save report as PDF</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Sessions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Sessions flagged</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>The report could not be built: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>To</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation report - %1 to %2 - %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Your role may not see the utilisation report.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Waitlist</name>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>%1 is on the waitlist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>%1 withdrawn from the waitlist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Add to waitlist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Book</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Earliest date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Latest date:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;MRN:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Therapy:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Withdraw selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Any day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Booked %1 at %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Earliest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Fri</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Latest</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Mon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>N&amp;ote:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Nobody on the waitlist fits the freed slot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Offered</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Preferred days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Sat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Select an entry to withdraw it</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Slot freed: offer to %1 (fits the rules): %2, %3 at %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Sun</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Thu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Tue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waiting</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waiting patients</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waitlist</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waitlist offer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Wed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Withdrawn</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>e.g. M001</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WeekOccupancyModel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (closed day)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (closed)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (today)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 BLOCK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 BLOCK✓</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 WARN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 h %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 h %2 booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1%</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>1 session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>All chairs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>Double-click or press Enter to open this day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>Safety flags</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>closed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>{n} sessions</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WeekOverview</name>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Next week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Previous week</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>The share of the opening hours booked and the sessions, per chair and day (cancelled sessions left out; the booked time is in the tooltip); the last row counts the safety flags. Enter or double-click opens the day.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Week of %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Wording</name>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>(prescriber consulted: {name})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 note</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 safety finding open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 safety finding overridden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 warning</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A nurse must confirm this booking and give a reason before it can be saved.
{reasons}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A safety rule forbids this booking and it cannot be overridden. Talk to the prescriber.
{reasons}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A user with the role {role} may not record a clinical override.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A user with the role {role} may not {action}. Ask a colleague who can.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>April</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>August</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>BLOCK</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Check the network and try again in a moment. Nothing was saved: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Check the {field}: {problem}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Course {course}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>December</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Due {first} to {last}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>February</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Fri</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Friday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>HARD</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>INFO</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>January</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>July</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>June</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Lab draw {start}-{end}: {tests}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Log in again to go on. Nothing was saved by this last step.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>MRN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>March</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>May</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Mon</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Monday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Needs a clinical override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>No safety findings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not allowed for the patient's safety</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not permitted for your role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>November</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>October</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Only a nurse may override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Overridden by {user}: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick a time within opening hours.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick another chair or time, or use Find next free slots.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick another time, or use Find next free slots.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Please check the {field}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Prescriber: {name}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Reason: {reason}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Rule {rule} · evidence {evidence}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Rule {rule}; last dose {last} ({source})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sat</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Saturday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>September</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Someone else has just booked that place</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Something went wrong</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Status: {status}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sun</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sunday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>That chair is already taken then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>That time is not free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The clinic is closed then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The clinic server could not be reached</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The lab station is full then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The patient already has an appointment then</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The request could not be completed: {error}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>This session cannot be changed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Thu</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Thursday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Tue</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Tuesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Use Find next free slots to see what is still free.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>WARN</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Wed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Wednesday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Why: {labels}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Your session has ended</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>arrived</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>born {day}, {age} years</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>cancelled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>cannot be booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>clinic policy, no source fixes the number</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>completed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date and time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date of birth</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>drug</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>drug label / SmPC</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>for information</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>in chair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>interval</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>lab</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>label</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>needs a clinical override</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>next dose not before {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>no-show</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>number of doses</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>ongoing since</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>outside exposures</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>override reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>paper</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>paper or abstract</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>patient</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>phone</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>policy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber consulted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber's contact</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber's practice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>reason</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>secondary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>secondary summary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>session</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>sex</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>therapy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>warning, can be booked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>where given</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due in 1 day, on {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due in {n} days, on {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due since {day}; last dose {last}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: next dose booked for {day}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: overdue since {day}; last dose {last}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} notes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} safety findings open</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} safety findings overridden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} warnings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity} overridden</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity}: {message}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity}: {message} (rule {rule})</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{therapy}, {start}-{end}, {chair}</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>run_gui</name>
        <message>
            <location filename="clinic_app/app.py" />
            <source>The clinic server at %1 could not be reached:
%2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/app.py" />
            <source>The database could not be opened:
%1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <location filename="clinic_app/app.py" />
            <source>clinic_app</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
