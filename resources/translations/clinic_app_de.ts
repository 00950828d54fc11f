<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
    <context>
        <name>AcknowledgeDialog</name>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>%1 %2 (%3): %4</source>
            <translation>%1 %2 (%3): %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>&amp;Acknowledge</source>
            <translation>&amp;Bestätigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>&amp;Note (what was done, who was called; kept with your name):</source>
            <translation>&amp;Notiz (was getan wurde, wer angerufen wurde; wird mit Ihrem Namen gespeichert):</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Acknowledge %1 alert</source>
            <translation>%1 Warnung bestätigen</translation>
        </message>
    </context>
    <context>
        <name>AddUserDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Add user</source>
            <translation>Benutzer &amp;hinzufügen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Full name:</source>
            <translation>&amp;Vollständiger Name:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Role:</source>
            <translation>&amp;Rolle:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Add a user - clinic_app</source>
            <translation>Benutzer hinzufügen - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>At least {count} characters. Tell it to the user in person.</source>
            <translation>Mindestens {count} Zeichen. Teilen Sie es dem Benutzer persönlich mit.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>First &amp;password:</source>
            <translation>Erstes &amp;Passwort:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation>Kleinbuchstaben, Ziffern, '.', '_' oder '-', beginnend mit einem Buchstaben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>R&amp;epeat password:</source>
            <translation>Passwort wi&amp;ederholen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>The two passwords are not the same.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
    </context>
    <context>
        <name>AffectedBookingsModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Chair / station</source>
            <translation>Stuhl / Station</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Why it no longer fits</source>
            <translation>Warum es nicht mehr passt</translation>
        </message>
    </context>
    <context>
        <name>AuditTableModel</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Changes</source>
            <translation>Änderungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Record</source>
            <translation>Erfassen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Time ({zone})</source>
            <translation>Zeit ({zone})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>User</source>
            <translation>Benutzer</translation>
        </message>
    </context>
    <context>
        <name>AuditView</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Friday</source>
            <translation>Freitag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Monday</source>
            <translation>Montag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Saturday</source>
            <translation>Samstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Sunday</source>
            <translation>Sonntag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Thursday</source>
            <translation>Donnerstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Tuesday</source>
            <translation>Dienstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Wednesday</source>
            <translation>Mittwoch</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>added</source>
            <translation>hinzugefügt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>alert acknowledged</source>
            <translation>Warnung bestätigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>back in use</source>
            <translation>wieder in Betrieb</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>booked</source>
            <translation>gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>cancelled</source>
            <translation>abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>changed</source>
            <translation>geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>check-in override</source>
            <translation>Check-in-Übersteuerung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>clinic settings</source>
            <translation>Praxiseinstellungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>closed date</source>
            <translation>Schließtag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>deactivated</source>
            <translation>deaktiviert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>exported</source>
            <translation>exportiert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>imported</source>
            <translation>importiert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw</source>
            <translation>Blutabnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw booked</source>
            <translation>Blutabnahme gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw cancelled</source>
            <translation>Blutabnahme abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw done</source>
            <translation>Blutabnahme erledigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab draw moved</source>
            <translation>Blutabnahme verschoben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>lab station</source>
            <translation>Laborplatz</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>letters printed</source>
            <translation>Briefe gedruckt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>logged in</source>
            <translation>angemeldet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>logged out</source>
            <translation>abgemeldet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>login failed</source>
            <translation>Anmeldung fehlgeschlagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>login while locked</source>
            <translation>Anmeldung während Sperre</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>moved</source>
            <translation>verschoben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>new password no longer required</source>
            <translation>neues Passwort nicht mehr verlangt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>new password required</source>
            <translation>neues Passwort verlangt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>no</source>
            <translation>nein</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>opening hours</source>
            <translation>Öffnungszeiten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>outside exposure</source>
            <translation>externe Exposition</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>override recorded</source>
            <translation>Übersteuerung erfasst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>password set</source>
            <translation>Passwort gesetzt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>patient record {id} (not found)</source>
            <translation>Patientendatensatz {id} (nicht gefunden)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>permission</source>
            <translation>Berechtigung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>re-checked</source>
            <translation>erneut geprüft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>reactivated</source>
            <translation>reaktiviert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>refused (no permission)</source>
            <translation>abgelehnt (keine Berechtigung)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>removed</source>
            <translation>entfernt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>result alert</source>
            <translation>Ergebniswarnung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>result recorded</source>
            <translation>Ergebnis erfasst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>retired</source>
            <translation>stillgelegt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>role changed</source>
            <translation>Rolle geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule</source>
            <translation>Regel</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule changed</source>
            <translation>Regel geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>rule reset</source>
            <translation>Regel zurückgesetzt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>session</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>status changed</source>
            <translation>Status geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>user</source>
            <translation>Benutzer</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>weight recorded</source>
            <translation>Gewicht erfasst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>yes</source>
            <translation>ja</translation>
        </message>
    </context>
    <context>
        <name>AuditWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Export to CSV...</source>
            <translation>Als CSV &amp;exportieren...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;From:</source>
            <translation>&amp;Von:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Patient MRN:</source>
            <translation>&amp;Patienten-MRN:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>&amp;User:</source>
            <translation>&amp;Benutzer:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Apply the filters and load again (F5)</source>
            <translation>Filter anwenden und neu laden (F5)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Audit trail - clinic_app</source>
            <translation>Protokoll - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Changes:</source>
            <translation>Änderungen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Entry {id}: {user}, {action}: {record}, at {time} ({zone})</source>
            <translation>Eintrag {id}: {user}, {action}: {record}, um {time} ({zone})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Export the audit trail to</source>
            <translation>Protokoll exportieren nach</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Loading...</source>
            <translation>Wird geladen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Only the newest {limit} are shown: narrow the filters.</source>
            <translation>Nur die neuesten {limit} werden angezeigt: Filter eingrenzen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Patient: {patient}</source>
            <translation>Patient: {patient}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>Select an entry to see everything it recorded.</source>
            <translation>Einen Eintrag auswählen, um alles Erfasste zu sehen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>T&amp;o:</source>
            <translation>B&amp;is:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>The 'to' date is before the 'from' date.</source>
            <translation>Das Bis-Datum liegt vor dem Von-Datum.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>The file could not be written: {error}</source>
            <translation>Die Datei konnte nicht geschrieben werden: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>any patient</source>
            <translation>jeder Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>any user</source>
            <translation>jeder Benutzer</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>{count} entries exported to {file}.</source>
            <translation>{count} Einträge nach {file} exportiert.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/audit_view.py" />
            <source>{count} entries, newest first. Times in {zone}.</source>
            <translation>{count} Einträge, neueste zuerst. Zeiten in {zone}.</translation>
        </message>
    </context>
    <context>
        <name>BookingDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 (%2 min)</source>
            <translation>%1 (%2 min)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 (%2), %3</source>
            <translation>%1 (%2), %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1 suggested start    %2 a start of the weekly slot template</source>
            <translation>%1 vorgeschlagener Beginn    %2 ein Beginn der Wochenvorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Book</source>
            <translation>&amp;Buchen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Date and time:</source>
            <translation>&amp;Datum und Uhrzeit:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Find:</source>
            <translation>&amp;Suchen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;New patient…</source>
            <translation>Neuer &amp;Patient…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Prescriber:</source>
            <translation>&amp;Verordner:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>&amp;Therapy:</source>
            <translation>&amp;Therapie:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>1 free slot. Enter takes it.</source>
            <translation>1 freier Termin. Eingabe übernimmt ihn.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>A dose that falls on a day the clinic is closed moves to the next open day</source>
            <translation>Eine Gabe an einem Schließtag der Praxis wird auf den nächsten Öffnungstag verschoben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>A later dose</source>
            <translation>Eine spätere Gabe</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Any free chair</source>
            <translation>Beliebiger freier Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Book (Ctrl+Enter)</source>
            <translation>Buchen (Strg+Eingabe)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>C&amp;hair:</source>
            <translation>St&amp;uhl:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a patient</source>
            <translation>Patient auswählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a patient first</source>
            <translation>Zuerst einen Patienten auswählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy</source>
            <translation>Therapie auswählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy first</source>
            <translation>Zuerst eine Therapie auswählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Choose a therapy…</source>
            <translation>Therapie auswählen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+Enter</source>
            <translation>Ctrl+Enter</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+F</source>
            <translation>Ctrl+F</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Ctrl+Return</source>
            <translation>Ctrl+Return</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>D&amp;oses:</source>
            <translation>&amp;Gaben:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Dose dates: {dates}</source>
            <translation>Termine der Gaben: {dates}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Find next free &amp;slots (Ctrl+F)</source>
            <translation>Nächste &amp;freie Termine suchen (Strg+F)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Free slots that pass every safety rule.</source>
            <translation>Freie Termine, die jede Sicherheitsregel erfüllen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Free slots with no HARD finding; BLOCK ones need your override reason.</source>
            <translation>Freie Termine ohne HARD-Befund; BLOCK-Termine brauchen Ihren Übersteuerungsgrund.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Looking for free slots…</source>
            <translation>Freie Termine werden gesucht…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>More than one books a series (next doses, iron course)</source>
            <translation>Mehr als eine bucht eine Serie (nächste Gaben, Eisenserie)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>New booking</source>
            <translation>Neue Buchung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>No free slot in the next %1 days passes the safety rules.</source>
            <translation>Kein freier Termin in den nächsten %1 Tagen erfüllt die Sicherheitsregeln.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>None passes in the %1 days after that either.</source>
            <translation>Auch in den %1 Tagen danach erfüllt keiner die Regeln.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Phone or e-mail (optional)</source>
            <translation>Telefon oder E-Mail (optional)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Point at a slot's time to read why it is suggested or a template start</source>
            <translation>Zeigen Sie auf die Uhrzeit eines Termins, um zu lesen, warum er vorgeschlagen wird oder ein Vorlagenbeginn ist</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Practice (optional)</source>
            <translation>Praxis (optional)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber</source>
            <translation>Verordner</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's name</source>
            <translation>Name des Verordners</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's phone or e-mail</source>
            <translation>Telefon oder E-Mail des Verordners</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Prescriber's practice</source>
            <translation>Praxis des Verordners</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Reading the patient's sessions…</source>
            <translation>Termine des Patienten werden gelesen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>Session</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>The first slot that passes: %1 at %2, %3.</source>
            <translation>Der erste Termin, der die Regeln erfüllt: %1 um %2, %3.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>The safety check runs as soon as a patient and a therapy are chosen.</source>
            <translation>Die Sicherheitsprüfung läuft, sobald Patient und Therapie gewählt sind.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>booked</source>
            <translation>gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>closed day: next open da&amp;y</source>
            <translation>Schließtag: nächster Öffnungst&amp;ag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>day(s)</source>
            <translation>Tag(e)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>dose %1 on %2</source>
            <translation>Gabe %1 am %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>e&amp;very</source>
            <translation>a&amp;lle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>month(s)</source>
            <translation>Monat(e)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>week(s)</source>
            <translation>Woche(n)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>{day} (moved from {closed}, closed)</source>
            <translation>{day} (verschoben vom {closed}, geschlossen)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/booking_dialog.py" />
            <source>{n} free slots, earliest first. Enter takes one.</source>
            <translation>{n} freie Termine, früheste zuerst. Eingabe übernimmt einen.</translation>
        </message>
    </context>
    <context>
        <name>BuildTemplateDialog</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source> s</source>
            <translation> s</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source> weeks</source>
            <translation> Wochen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Build</source>
            <translation>&amp;Erstellen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;History:</source>
            <translation>&amp;Verlauf:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Time limit per weekday:</source>
            <translation>&amp;Zeitlimit je Wochentag:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>At most about %1 s for %2 open weekdays.</source>
            <translation>Höchstens etwa %1 s für %2 geöffnete Wochentage.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Build slot template</source>
            <translation>Terminvorlage erstellen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>The template is worked out from the sessions of the last weeks (each weekday's average demand). It replaces the template in force for every desk.</source>
            <translation>Die Vorlage wird aus den Terminen der letzten Wochen berechnet (der mittlere Bedarf jedes Wochentags). Sie ersetzt die geltende Vorlage für alle Arbeitsplätze.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Time limit per weekday in seconds</source>
            <translation>Zeitlimit je Wochentag in Sekunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Weeks of history</source>
            <translation>Wochen Verlauf</translation>
        </message>
    </context>
    <context>
        <name>CancelDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>&amp;Keep it</source>
            <translation>&amp;Behalten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>&amp;Reason:</source>
            <translation>&amp;Grund:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel %1 for %2 (%3) on %4 at %5 in %6?</source>
            <translation>%1 für %2 (%3) am %4 um %5 in %6 absagen?</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel &amp;session</source>
            <translation>Termin &amp;absagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Cancel session</source>
            <translation>Termin absagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>Lab draws that only this session needs are cancelled with it.</source>
            <translation>Blutabnahmen, die nur dieser Termin braucht, werden mit ihm abgesagt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/cancel_dialog.py" />
            <source>e.g. patient phoned, unwell</source>
            <translation>z. B. Patient hat angerufen, krank</translation>
        </message>
    </context>
    <context>
        <name>CancelReasonDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Keep it</source>
            <translation>&amp;Behalten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Reason (required; it is kept in the audit trail):</source>
            <translation>&amp;Grund (Pflichtfeld; wird im Protokoll gespeichert):</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel %1's %2 at %3 in %4?</source>
            <translation>%2 von %1 um %3 in %4 absagen?</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel &amp;session</source>
            <translation>Termin &amp;absagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Cancel session</source>
            <translation>Termin absagen</translation>
        </message>
    </context>
    <context>
        <name>CapacityDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Booked chair-h</source>
            <translation>Gebuchte Stuhl-h</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Idle chair-h</source>
            <translation>Freie Stuhl-h</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Minutes needing more nurses than are on duty</source>
            <translation>Minuten, die mehr Pflegekräfte brauchen, als im Dienst sind</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Minutes over</source>
            <translation>Minuten darüber</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Most nurses needed at one minute (set-ups plus monitored patients)</source>
            <translation>Die meisten in einer Minute gebrauchten Pflegekräfte (Vorbereitungen plus überwachte Patienten)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Most set-ups and take-downs in progress at one minute</source>
            <translation>Die meisten gleichzeitigen Vor- und Nachbereitungen in einer Minute</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses needed</source>
            <translation>Gebraucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses on duty at the first minute of the peak</source>
            <translation>Pflegekräfte im Dienst in der ersten Minute der Spitze</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>On duty then</source>
            <translation>Dann im Dienst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Open</source>
            <translation>Geöffnet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak at</source>
            <translation>Spitze um</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak set-ups</source>
            <translation>Vorbereitungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>closed</source>
            <translation>geschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>no rota</source>
            <translation>kein Dienstplan</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>open</source>
            <translation>geöffnet</translation>
        </message>
    </context>
    <context>
        <name>CapacityWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>&amp;Days (choose one to see its nurse load):</source>
            <translation>&amp;Tage (einen wählen, um seine Pflegelast zu sehen):</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Booked chair-hours</source>
            <translation>Gebuchte Stuhlstunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Building the report...</source>
            <translation>Bericht wird erstellt...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Capacity report</source>
            <translation>Kapazitätsbericht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Capacity report - %1 to %2 - %3</source>
            <translation>Kapazitätsbericht - %1 bis %2 - %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chair-hours</source>
            <translation>Stuhlstunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chair-hours per open day</source>
            <translation>Stuhlstunden pro Öffnungstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of booked and idle chair-hours per day</source>
            <translation>Diagramm der gebuchten und freien Stuhlstunden pro Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the chosen day's nurse load</source>
            <translation>Diagramm der Pflegelast des gewählten Tages</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the peak nurse load per day</source>
            <translation>Diagramm der Spitzen-Pflegelast pro Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Chart of the waitlist per therapy</source>
            <translation>Diagramm der Warteliste pro Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Days of the capacity report</source>
            <translation>Tage des Kapazitätsberichts</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Idle chair-hours</source>
            <translation>Freie Stuhlstunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load</source>
            <translation>Pflegelast</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load on %1</source>
            <translation>Pflegelast am %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurse load on %1: nothing booked, no rota</source>
            <translation>Pflegelast am %1: nichts gebucht, kein Dienstplan</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses</source>
            <translation>Pflegekräfte</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses / set-ups</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses for monitoring</source>
            <translation>Überwachung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses needed</source>
            <translation>Gebraucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Nurses on duty</source>
            <translation>Im Dienst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Offered</source>
            <translation>Angeboten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>On duty then</source>
            <translation>Dann im Dienst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Patients (nobody waiting)</source>
            <translation>Patienten (niemand wartet)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Patients (the longest waiting since %1)</source>
            <translation>Patienten (der am längsten wartende seit %1)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak nurse load per open day</source>
            <translation>Spitzen-Pflegelast pro Öffnungstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak nurses needed</source>
            <translation>Pflegekräfte (Spitze)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Peak set-ups</source>
            <translation>Vorbereitungen (Spitze)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Set-ups and take-downs</source>
            <translation>Vor-/Nachbereitung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>The report could not be built: %1</source>
            <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation %</source>
            <translation>Auslastung %</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Utilisation %1, idle %2 chair-hours, %3 minutes over nurse capacity</source>
            <translation>Auslastung %1, %2 freie Stuhlstunden, %3 Minuten über der Pflegekapazität</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waitlist</source>
            <translation>Warteliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Waitlist on %1: %2 waiting, %3 offered, %4 expired</source>
            <translation>Warteliste am %1: %2 wartend, %3 angeboten, %4 abgelaufen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/capacity_view.py" />
            <source>Your role may not see the capacity report.</source>
            <translation>Ihre Rolle darf den Kapazitätsbericht nicht sehen.</translation>
        </message>
    </context>
    <context>
        <name>ChairChart</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chart of utilisation per chair</source>
            <translation>Diagramm der Auslastung pro Stuhl</translation>
        </message>
    </context>
    <context>
        <name>ChairsModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>in use</source>
            <translation>in Betrieb</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>retired (no new bookings)</source>
            <translation>stillgelegt (keine neuen Buchungen)</translation>
        </message>
    </context>
    <context>
        <name>CheckInOverrideDialog</name>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>%1 (%2): %3 at %4 in %5 cannot be marked %6 as it stands.</source>
            <translation>%1 (%2): %3 um %4 in %5 kann so nicht als %6 markiert werden.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>Check in &amp;with override</source>
            <translation>Mit Übersteuerung &amp;einchecken</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>Check-in stopped by a safety rule</source>
            <translation>Check-in durch eine Sicherheitsregel gestoppt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>checked in</source>
            <translation>eingecheckt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/check_in/override_dialog.py" />
            <source>do not start: talk to the prescriber, or rebook</source>
            <translation>nicht beginnen: mit dem Verordner sprechen oder umbuchen</translation>
        </message>
    </context>
    <context>
        <name>ClinicSettings</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Bookings affected - clinic_app</source>
            <translation>Betroffene Buchungen - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Friday</source>
            <translation>Freitag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Lab draw</source>
            <translation>Blutabnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Monday</source>
            <translation>Montag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saturday</source>
            <translation>Samstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Session</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Sunday</source>
            <translation>Sonntag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Thursday</source>
            <translation>Donnerstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Tuesday</source>
            <translation>Dienstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Wednesday</source>
            <translation>Mittwoch</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{change}: {count} future booking(s) would no longer fit. They are kept and listed for rebooking. Make the change?</source>
            <translation>{change}: {count} künftige Buchung(en) würden nicht mehr passen. Sie bleiben erhalten und werden zum Umbuchen aufgeführt. Änderung vornehmen?</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{kind} {day} {start}-{end}, {mrn} {patient}, {place}: {problem}</source>
            <translation>{kind} {day} {start}-{end}, {mrn} {patient}, {place}: {problem}</translation>
        </message>
    </context>
    <context>
        <name>ClinicSettingsWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Add chair</source>
            <translation>Stuhl &amp;hinzufügen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Import bank holidays...</source>
            <translation>Feiertage &amp;importieren...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Opening hours</source>
            <translation>Ö&amp;ffnungszeiten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Reason:</source>
            <translation>&amp;Grund:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Retire selected...</source>
            <translation>Ausgewählten &amp;stilllegen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Save opening hours...</source>
            <translation>Öffnungszeiten &amp;speichern...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Time zone and lab</source>
            <translation>&amp;Zeitzone und Labor</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Use selected again</source>
            <translation>Ausgewählte &amp;wieder verwenden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>&amp;Years:</source>
            <translation>&amp;Jahre:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Boo&amp;kings to rebook after the last change:</source>
            <translation>Nach der letzten Änderung umzu&amp;buchende Termine:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>C&amp;hairs</source>
            <translation>St&amp;ühle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Clinic settings - clinic_app</source>
            <translation>Praxiseinstellungen - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Clo&amp;se the clinic that day...</source>
            <translation>Praxis an diesem Tag &amp;schließen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Closed &amp;dates</source>
            <translation>Schließ&amp;tage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Closes</source>
            <translation>Schließt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Co&amp;untry:</source>
            <translation>&amp;Land:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>D&amp;ate:</source>
            <translation>D&amp;atum:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Draws &amp;per slot:</source>
            <translation>Abnahmen &amp;pro Zeitfenster:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Nothing was changed.</source>
            <translation>Es wurde nichts geändert.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Op&amp;en again</source>
            <translation>Wieder ö&amp;ffnen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Open on {day}s</source>
            <translation>Geöffnet am {day}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Opens</source>
            <translation>Öffnet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Re&amp;gion:</source>
            <translation>Re&amp;gion:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Rena&amp;me selected</source>
            <translation>Ausgewählten &amp;umbenennen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>S&amp;et time zone...</source>
            <translation>Zeitzone &amp;setzen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saved: {change}. No booking is affected.</source>
            <translation>Gespeichert: {change}. Keine Buchung ist betroffen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Saved: {change}. {count} booking(s) to rebook are listed below.</source>
            <translation>Gespeichert: {change}. {count} umzubuchende Buchung(en) sind unten aufgeführt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Select a chair first.</source>
            <translation>Zuerst einen Stuhl auswählen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Select a closed date first.</source>
            <translation>Zuerst einen Schließtag auswählen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Set &amp;lab capacity...</source>
            <translation>&amp;Laborkapazität setzen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>The opening hours are unchanged.</source>
            <translation>Die Öffnungszeiten sind unverändert.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Time &amp;zone:</source>
            <translation>&amp;Zeitzone:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>a new chair, or the new name</source>
            <translation>ein neuer Stuhl oder der neue Name</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>at the {station}, one slot = {minutes} min</source>
            <translation>am {station}, ein Zeitfenster = {minutes} min</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>e.g. ENG (optional)</source>
            <translation>z. B. ENG (optional)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>e.g. staff training</source>
            <translation>z. B. Mitarbeiterschulung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>to</source>
            <translation>bis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{day} closes</source>
            <translation>{day} schließt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>{day} opens</source>
            <translation>{day} öffnet</translation>
        </message>
    </context>
    <context>
        <name>ClosedDatesModel</name>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/clinic_settings_window.py" />
            <source>Reason</source>
            <translation>Grund</translation>
        </message>
    </context>
    <context>
        <name>ComplianceDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance</source>
            <translation>Einhaltung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Fill</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Filled</source>
            <translation>Belegt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Off template</source>
            <translation>Außerhalb der Vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions on a template start, of all sessions</source>
            <translation>Termine auf einem Vorlagenbeginn, von allen Terminen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions that start where the template has no free start</source>
            <translation>Termine, die beginnen, wo die Vorlage keinen freien Beginn hat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts</source>
            <translation>Vorlagenbeginne</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts filled, of all template starts</source>
            <translation>Belegte Vorlagenbeginne, von allen Vorlagenbeginnen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Unused</source>
            <translation>Ungenutzt</translation>
        </message>
    </context>
    <context>
        <name>ComplianceWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>&amp;Days:</source>
            <translation>&amp;Tage:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Building the report...</source>
            <translation>Bericht wird erstellt...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Chart of filled template starts, sessions off the template and unused starts</source>
            <translation>Diagramm der belegten Vorlagenbeginne, der Termine außerhalb der Vorlage und der ungenutzten Beginne</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance %</source>
            <translation>Einhaltung %</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Compliance %1, fill %2</source>
            <translation>Einhaltung %1, Auslastung %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Days of the compliance report</source>
            <translation>Tage des Einhaltungsberichts</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>No slot template is in force: every session counts as off the template. Build one in Reports &gt; Slot template.</source>
            <translation>Es gilt keine Terminvorlage: Jeder Termin zählt als außerhalb der Vorlage. Erstellen Sie eine unter Berichte &gt; Terminvorlage.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Off the template</source>
            <translation>Außerhalb der Vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>On a template start</source>
            <translation>Auf einem Vorlagenbeginn</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions</source>
            <translation>Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Sessions per open day against the template</source>
            <translation>Termine je Öffnungstag gegenüber der Vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template compliance</source>
            <translation>Einhaltung der Vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template compliance - %1 to %2</source>
            <translation>Einhaltung der Vorlage - %1 bis %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Template starts unused</source>
            <translation>Ungenutzte Vorlagenbeginne</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>The report could not be built: %1</source>
            <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Totals: %1 template starts, %2 filled, %3 sessions off the template, %4 starts unused; compliance %5, fill %6.</source>
            <translation>Summen: %1 Vorlagenbeginne, %2 belegt, %3 Termine außerhalb der Vorlage, %4 Beginne ungenutzt; Einhaltung %5, Auslastung %6.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/compliance_view.py" />
            <source>Your role may not see the compliance report.</source>
            <translation>Ihre Rolle darf den Einhaltungsbericht nicht sehen.</translation>
        </message>
    </context>
    <context>
        <name>DailyList</name>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>%1 (continued)</source>
            <translation>%1 (Fortsetzung)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>%1 - daily list for %2 - printed %3</source>
            <translation>%1 - Tagesliste für %2 - gedruckt %3</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Arrived</source>
            <translation>Angekommen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Booked</source>
            <translation>Gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Cancelled</source>
            <translation>Abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Chairs</source>
            <translation>Stühle</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Co-therapy flags on this chair: %1</source>
            <translation>Co-Therapie-Hinweise an diesem Stuhl: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Daily list</source>
            <translation>Tagesliste</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Daily list %1</source>
            <translation>Tagesliste %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Due and not done</source>
            <translation>Fällig und nicht erledigt</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Due window</source>
            <translation>Fälligkeitsfenster</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Findings and override (who, why)</source>
            <translation>Befunde und Übersteuerung (wer, warum)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Flags</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>For</source>
            <translation>Für</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>In chair</source>
            <translation>Im Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Lab draws today</source>
            <translation>Blutabnahmen heute</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Lab station</source>
            <translation>Laborplatz</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>No lab draws today.</source>
            <translation>Heute keine Blutabnahmen.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>No-show</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Nothing is booked for this day.</source>
            <translation>Für diesen Tag ist nichts gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Sessions: %1</source>
            <translation>Termine: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Tests</source>
            <translation>Tests</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/daily_list_print.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
    </context>
    <context>
        <name>DailyListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>%1 overridden by %2: %3</source>
            <translation>%1 übersteuert von %2: %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>%1–%2 (%3 min)</source>
            <translation>%1–%2 (%3 min)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(%1 hand-offs)</source>
            <translation>(%1 Übergaben)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(1 hand-off)</source>
            <translation>(1 Übergabe)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(no nurse free for part)</source>
            <translation>(für einen Teil keine Pflegekraft frei)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>(prescriber consulted: %1)</source>
            <translation>(Verordner konsultiert: %1)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>CO-THERAPY</source>
            <translation>CO-THERAPIE</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Co-therapy</source>
            <translation>Co-Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Findings</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>IV iron and an antiresorptive too close together (E2-E7)</source>
            <translation>I.v. Eisen und ein Antiresorptivum zu nah beieinander (E2-E7)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>No nurse rota for this day: bookings are not nurse-checked</source>
            <translation>Kein Pflegedienstplan für diesen Tag: Buchungen werden nicht auf freie Pflegekräfte geprüft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Nurse</source>
            <translation>Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Override (who: why)</source>
            <translation>Übersteuerung (wer: warum)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Planned</source>
            <translation>Geplant</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>The nurse who looks after the patient (most of the session)</source>
            <translation>Die Pflegekraft, die den Patienten betreut (den größten Teil der Sitzung)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>URGENT result: %1</source>
            <translation>DRINGENDES Ergebnis: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>monitoring</source>
            <translation>Überwachung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>no nurse free</source>
            <translation>keine Pflegekraft frei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>set-up</source>
            <translation>Vorbereitung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>take-down</source>
            <translation>Abschluss</translation>
        </message>
    </context>
    <context>
        <name>DailyListWindow</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1 is now %2</source>
            <translation>%1 ist jetzt %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1 sessions, %2 with a co-therapy flag, %3 lab draws, %4 overdue</source>
            <translation>%1 Termine, %2 mit Co-Therapie-Hinweis, %3 Blutabnahmen, %4 überfällig</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>%1's patients</source>
            <translation>Patienten von %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Arrived</source>
            <translation>&amp;Angekommen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Back to booked</source>
            <translation>&amp;Zurück auf gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Completed</source>
            <translation>Abges&amp;chlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;In chair</source>
            <translation>&amp;Im Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Next day ▶</source>
            <translation>&amp;Nächster Tag ▶</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Print...</source>
            <translation>&amp;Drucken...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Save as PDF...</source>
            <translation>Als PDF &amp;speichern...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>&amp;Today</source>
            <translation>&amp;Heute</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>All patients</source>
            <translation>Alle Patienten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>CO-THERAPY FLAG</source>
            <translation>CO-THERAPIE-HINWEIS</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>CO-THERAPY flags today (%1): </source>
            <translation>CO-THERAPIE-Hinweise heute (%1): </translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Ca&amp;ncel...</source>
            <translation>Ab&amp;sagen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list</source>
            <translation>Tagesliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list %1</source>
            <translation>Tagesliste %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Daily list - %1 - %2</source>
            <translation>Tagesliste - %1 - %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Day shown</source>
            <translation>Angezeigter Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Everyone's patients, or one nurse's patients today</source>
            <translation>Alle Patienten oder die Patienten einer Pflegekraft heute</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Lab draws</source>
            <translation>Blutabnahmen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Lab draws: %1 due today, %2 due and not done</source>
            <translation>Blutabnahmen: %1 heute fällig, %2 fällig und nicht erledigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Late sessions or a nurse off sick: propose the changes (Ctrl+Shift+J)</source>
            <translation>Verspätete Termine oder eine krank gemeldete Pflegekraft: Änderungen vorschlagen (Strg+Umschalt+J)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Letter</source>
            <translation>US-Letter</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>N&amp;o-show</source>
            <translation>&amp;Nicht erschienen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>No findings.</source>
            <translation>Keine Befunde.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Override by %1: %2</source>
            <translation>Übersteuerung durch %1: %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Paper size</source>
            <translation>Papierformat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Prescriber consulted: %1</source>
            <translation>Verordner konsultiert: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Prescriber: %1</source>
            <translation>Verordner: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print</source>
            <translation>Drucken</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print pre&amp;view...</source>
            <translation>Druck&amp;vorschau...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Print preview - daily list</source>
            <translation>Druckvorschau - Tagesliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Re-plan &amp;day...</source>
            <translation>Tag &amp;umplanen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Re-plan applied: %1 session(s) moved</source>
            <translation>Umplanung übernommen: %1 Termin(e) verschoben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Record resul&amp;ts...</source>
            <translation>Ergebnisse er&amp;fassen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Record the results of the selected lab draw (Ctrl+Shift+T)</source>
            <translation>Ergebnisse der ausgewählten Blutabnahme erfassen (Strg+Umschalt+T)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Res&amp;ults list...</source>
            <translation>Erge&amp;bnisliste...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Results</source>
            <translation>Ergebnisse</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Save daily list as PDF</source>
            <translation>Tagesliste als PDF speichern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Select a lab draw to record its results</source>
            <translation>Eine Blutabnahme auswählen, um ihre Ergebnisse zu erfassen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Select a session to see its findings and override.</source>
            <translation>Einen Termin auswählen, um Befunde und Übersteuerung zu sehen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Sessions of the day</source>
            <translation>Termine des Tages</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Show the patients of</source>
            <translation>Patienten zeigen von</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status not changed</source>
            <translation>Status nicht geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>Status reason: %1</source>
            <translation>Statusgrund: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_window.py" />
            <source>◀ &amp;Previous day</source>
            <translation>◀ &amp;Vorheriger Tag</translation>
        </message>
    </context>
    <context>
        <name>DayChart</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>%1 of %2 chair-hours booked</source>
            <translation>%1 von %2 Stuhlstunden gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chart of chair-hours per day</source>
            <translation>Diagramm der Stuhlstunden pro Tag</translation>
        </message>
    </context>
    <context>
        <name>DayGrid</name>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>ALN</source>
            <translation>ALN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>DMAB</source>
            <translation>DMAB</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FCM</source>
            <translation>FCM</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FDI</source>
            <translation>FDI</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>FMX</source>
            <translation>FMX</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IBN</source>
            <translation>IBN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IBN po</source>
            <translation>IBN p.o.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>IS</source>
            <translation>IS</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>LMWID</source>
            <translation>LMWID</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>RIS</source>
            <translation>RIS</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>SFG</source>
            <translation>SFG</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/abbreviations.py" />
            <source>ZOL</source>
            <translation>ZOL</translation>
        </message>
    </context>
    <context>
        <name>DayGridModel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>%1 (inactive)</source>
            <translation>%1 (inaktiv)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>Lab station</source>
            <translation>Laborplatz</translation>
        </message>
    </context>
    <context>
        <name>DetailsPanel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1, %2–%3 · %4</source>
            <translation>%1, %2–%3 · %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>%1–%2 %3: %4</source>
            <translation>%1–%2 %3: %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Lab station</source>
            <translation>Laborplatz</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>No safety findings</source>
            <translation>Keine Sicherheitsbefunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Nothing selected</source>
            <translation>Nichts ausgewählt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Reason: %1</source>
            <translation>Grund: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Safety findings</source>
            <translation>Sicherheitsbefunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Safety findings (%1)</source>
            <translation>Sicherheitsbefunde (%1)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/details_panel.py" />
            <source>Select a session in the grid to see its details and safety findings. Enter on a free slot starts a booking there.</source>
            <translation>Wählen Sie einen Termin im Tagesplan, um Details und Sicherheitsbefunde zu sehen. Eingabe auf einem freien Platz beginnt dort eine Buchung.</translation>
        </message>
    </context>
    <context>
        <name>EditExposureDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Last dose on</source>
            <translation>&amp;Letzte Gabe am</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Ongoing since</source>
            <translation>&amp;Laufend seit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Where given:</source>
            <translation>&amp;Verabreicht in:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Edit exposure</source>
            <translation>Exposition bearbeiten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown: type the date if known</source>
            <translation>letzte Gabe unbekannt: Datum eingeben, falls bekannt</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Browse...</source>
            <translation>&amp;Durchsuchen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Chair:</source>
            <translation>&amp;Stuhl:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;From:</source>
            <translation>&amp;Von:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Page size (PDF):</source>
            <translation>&amp;Papierformat (PDF):</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;Status:</source>
            <translation>&amp;Status:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>&amp;To:</source>
            <translation>&amp;Bis:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All chairs</source>
            <translation>Alle Stühle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All statuses</source>
            <translation>Alle Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>All therapies</source>
            <translation>Alle Therapien</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>CSV (spreadsheet text)</source>
            <translation>CSV (Tabellentext)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Choose where to save the file</source>
            <translation>Speicherort der Datei wählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Excel workbook (.xlsx)</source>
            <translation>Excel-Arbeitsmappe (.xlsx)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export cancelled; no file was written.</source>
            <translation>Export abgebrochen; es wurde keine Datei geschrieben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export schedule</source>
            <translation>Terminplan exportieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Export to</source>
            <translation>Exportieren nach</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exported %1 sessions to %2</source>
            <translation>%1 Termine nach %2 exportiert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exporting sessions...</source>
            <translation>Termine werden exportiert...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Exporting sessions... %1 so far (up to %2)</source>
            <translation>Termine werden exportiert... bisher %1 (bis zu %2)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>F&amp;ormat:</source>
            <translation>F&amp;ormat:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Letter</source>
            <translation>US-Letter</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>PDF (printable table)</source>
            <translation>PDF (druckbare Tabelle)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Save &amp;as:</source>
            <translation>Speichern &amp;als:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>T&amp;herapy:</source>
            <translation>T&amp;herapie:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>The end date is before the start date.</source>
            <translation>Das Enddatum liegt vor dem Startdatum.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>The export failed: %1</source>
            <translation>Der Export ist fehlgeschlagen: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>Your role may not export schedules.</source>
            <translation>Ihre Rolle darf keine Terminpläne exportieren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/export_dialog.py" />
            <source>iCalendar (.ics; initials, therapy and chair only)</source>
            <translation>iCalendar (.ics; nur Initialen, Therapie und Stuhl)</translation>
        </message>
    </context>
    <context>
        <name>ExposureDialogs</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose %1</source>
            <translation>letzte Gabe %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown</source>
            <translation>letzte Gabe unbekannt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>last dose unknown (recorded as %1, unconfirmed)</source>
            <translation>letzte Gabe unbekannt (erfasst als %1, unbestätigt)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>ongoing since %1</source>
            <translation>laufend seit %1</translation>
        </message>
    </context>
    <context>
        <name>ExposureTableModel</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Drug</source>
            <translation>Wirkstoff</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Last dose</source>
            <translation>Letzte Gabe</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Ongoing since</source>
            <translation>Laufend seit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_model.py" />
            <source>Where given</source>
            <translation>Verabreicht in</translation>
        </message>
    </context>
    <context>
        <name>FindPatientDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/find_patient_dialog.py" />
            <source>&amp;Name, MRN, date of birth or phone:</source>
            <translation>&amp;Name, MRN, Geburtsdatum oder Telefon:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/find_patient_dialog.py" />
            <source>Find patient</source>
            <translation>Patient suchen</translation>
        </message>
    </context>
    <context>
        <name>FindingTableModel</name>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>(overridden)</source>
            <translation>(übersteuert)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>Finding</source>
            <translation>Befund</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>Severity</source>
            <translation>Schweregrad</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/finding_model.py" />
            <source>The rule id and its evidence are on the line under each finding.</source>
            <translation>Regel-ID und Evidenz stehen in der Zeile unter jedem Befund.</translation>
        </message>
    </context>
    <context>
        <name>FirstAdminDialog</name>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Create administrator</source>
            <translation>Administrator &amp;anlegen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Full name:</source>
            <translation>&amp;Vollständiger Name:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Repeat password:</source>
            <translation>Passwort &amp;wiederholen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>At least {count} characters.</source>
            <translation>Mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Create the administrator</source>
            <translation>Administrator anlegen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter a user name.</source>
            <translation>Bitte einen Benutzernamen eingeben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>First start - clinic_app</source>
            <translation>Erster Start - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Lower-case letters, digits, '.', '_' or '-', starting with a letter.</source>
            <translation>Kleinbuchstaben, Ziffern, '.', '_' oder '-', beginnend mit einem Buchstaben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Nobody can use clinic_app on this database yet. Create the first administrator account now. The administrator adds the other users (front desk, nurses, managers) later, under Users.</source>
            <translation>Noch niemand kann clinic_app mit dieser Datenbank nutzen. Legen Sie jetzt das erste Administratorkonto an. Der Administrator fügt die anderen Benutzer (Empfang, Pflege, Leitung) später unter Benutzer hinzu.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic database could not be reached: {error}</source>
            <translation>Die Praxisdatenbank war nicht erreichbar: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The password must be at least {count} characters long.</source>
            <translation>Das Passwort muss mindestens {count} Zeichen lang sein.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The two passwords are not the same.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
    </context>
    <context>
        <name>ImportRefusedDialog</name>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Import refused</source>
            <translation>Import abgelehnt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Nothing was imported from %1: the file is imported whole or not at all. Correct these lines (or ask the laboratory to resend) and import it again.</source>
            <translation>Aus %1 wurde nichts importiert: Die Datei wird ganz oder gar nicht importiert. Korrigieren Sie diese Zeilen (oder bitten Sie das Labor, sie erneut zu senden) und importieren Sie sie noch einmal.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/alert_dialogs.py" />
            <source>Refused lines</source>
            <translation>Abgelehnte Zeilen</translation>
        </message>
    </context>
    <context>
        <name>LabListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>DUE AND NOT DONE</source>
            <translation>FÄLLIG UND NICHT ERLEDIGT</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Draw</source>
            <translation>Abnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Due today</source>
            <translation>Heute fällig</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Due window</source>
            <translation>Fälligkeitsfenster</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>For</source>
            <translation>Für</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>Tests</source>
            <translation>Tests</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/daily_list_model.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
    </context>
    <context>
        <name>LabTableModel</name>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Lab draw</source>
            <translation>Blutabnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Tests</source>
            <translation>Tests</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>already booked</source>
            <translation>bereits gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/lab_model.py" />
            <source>will be added</source>
            <translation>wird hinzugefügt</translation>
        </message>
    </context>
    <context>
        <name>Letters</name>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source> (done)</source>
            <translation> (erledigt)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 - for %2 - written %3</source>
            <translation>%1 - für %2 - geschrieben %3</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 - letter about %2 (%3) - written %4</source>
            <translation>%1 - Brief zu %2 (%3) - geschrieben %4</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 on %2 (booked)</source>
            <translation>%1 am %2 (gebucht)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1 on %2 (given)</source>
            <translation>%1 am %2 (gegeben)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, date of the last dose not known</source>
            <translation>%1, Datum der letzten Gabe unbekannt</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, last dose %2</source>
            <translation>%1, letzte Gabe %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, phone %2</source>
            <translation>%1, Telefon %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1, taken since %2</source>
            <translation>%1, eingenommen seit %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>, from %1</source>
            <translation>, ab %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>About: %1, born %2, our record number %3</source>
            <translation>Betrifft: %1, geboren %2, unsere Patientennummer %3</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>After your iron infusion</source>
            <translation>Nach Ihrer Eiseninfusion</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Before going ahead our nurse discussed it with %1.</source>
            <translation>Vor der Behandlung hat unsere Pflegekraft dies mit %1 besprochen.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Blood tests we have booked</source>
            <translation>Von uns gebuchte Blutuntersuchungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Call us if you notice</source>
            <translation>Rufen Sie uns an, wenn Sie Folgendes bemerken</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Date and time</source>
            <translation>Datum und Uhrzeit</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Date: %1</source>
            <translation>Datum: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Dear colleague,</source>
            <translation>Sehr geehrte Kollegin, sehr geehrter Kollege,</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>For %1, born %2</source>
            <translation>Für %1, geboren %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>IV iron can make the phosphate and calcium in the blood fall in the weeks after the infusion, and an antiresorptive given in that time can make them fall further.</source>
            <translation>I.v. Eisen kann in den Wochen nach der Infusion Phosphat und Calcium im Blut senken, und ein in dieser Zeit gegebenes Antiresorptivum kann sie weiter senken.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>IV iron given while on an antiresorptive</source>
            <translation>I.v. Eisen unter laufender antiresorptiver Therapie gegeben</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>If you feel very unwell, get urgent medical help.</source>
            <translation>Wenn Sie sich sehr unwohl fühlen, holen Sie sofort ärztliche Hilfe.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Information for you</source>
            <translation>Informationen für Sie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Letter to the outside prescriber: %1</source>
            <translation>Brief an den externen Verordner: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Letter to the prescriber</source>
            <translation>Brief an den Verordner</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Letters saved for %1 (%2)</source>
            <translation>Briefe gespeichert für %1 (%2)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>No antiresorptive before %1 without calcium and phosphate.</source>
            <translation>Kein Antiresorptivum vor dem %1 ohne Calcium und Phosphat.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No blood tests are booked with us for this iron.</source>
            <translation>Für dieses Eisen sind bei uns keine Blutuntersuchungen gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No blood tests are booked with us.</source>
            <translation>Bei uns sind keine Blutuntersuchungen gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>No bone medicine (%1) before %2 without a check of your calcium and phosphate first. Show this sheet to the doctor who gives you your bone medicine.</source>
            <translation>Kein Knochenmedikament (%1) vor dem %2, ohne vorher Ihr Calcium und Phosphat zu prüfen. Zeigen Sie dieses Blatt der Ärztin oder dem Arzt, die oder der Ihnen Ihr Knochenmedikament gibt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>No letters: %1</source>
            <translation>Keine Briefe: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Our clinic gives this patient IV iron:</source>
            <translation>Unsere Praxis gibt diesem Patienten i.v. Eisen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Patient sheet: %1</source>
            <translation>Patientenblatt: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Please come to each one: the results keep you safe.</source>
            <translation>Bitte kommen Sie zu jedem Termin: Die Ergebnisse schützen Sie.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Please: no antiresorptive before %1 without checking calcium and phosphate first.</source>
            <translation>Bitte: kein Antiresorptivum vor dem %1, ohne vorher Calcium und Phosphat zu prüfen.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Questions about this letter: %1.</source>
            <translation>Fragen zu diesem Brief: %1.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>Save the letters in which folder?</source>
            <translation>In welchem Ordner sollen die Briefe gespeichert werden?</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Tests</source>
            <translation>Tests</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/letters_action.py" />
            <source>The clinic has no phone number yet, so the sheet names the clinic only; an administrator can add it.</source>
            <translation>Die Praxis hat noch keine Telefonnummer, daher nennt das Blatt nur die Praxis; ein Administrator kann sie ergänzen.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>The iron was prescribed by %1.</source>
            <translation>Das Eisen wurde von %1 verordnet.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>To: the prescriber of %1</source>
            <translation>An: den Verordner von %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>We have on record that %1 has this bone medicine (an antiresorptive) from you:</source>
            <translation>Laut unseren Unterlagen erhält %1 von Ihnen dieses Knochenmedikament (ein Antiresorptivum):</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Whom to call</source>
            <translation>Wen anrufen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>You also have a bone medicine from another doctor (%1). Together, the iron and the bone medicine can lower the calcium and phosphate in your blood in the weeks after the iron.</source>
            <translation>Sie erhalten auch ein Knochenmedikament von einer anderen Ärztin oder einem anderen Arzt (%1). Zusammen können das Eisen und das Knochenmedikament in den Wochen nach dem Eisen das Calcium und Phosphat in Ihrem Blut senken.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>You had iron through a drip (%1) on %2.</source>
            <translation>Sie haben am %2 Eisen als Infusion (%1) erhalten.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your blood tests</source>
            <translation>Ihre Blutuntersuchungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your bone medicine</source>
            <translation>Ihr Knochenmedikament</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your iron</source>
            <translation>Ihr Eisen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Your iron through a drip (%1) is booked for %2.</source>
            <translation>Ihre Eiseninfusion (%1) ist für den %2 gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>Yours sincerely,</source>
            <translation>Mit freundlichen Grüßen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>bone pain</source>
            <translation>Knochenschmerzen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>calcium</source>
            <translation>Calcium</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>haemoglobin</source>
            <translation>Hämoglobin</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>iron stores (ferritin)</source>
            <translation>Eisenspeicher (Ferritin)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>kidney function (creatinine)</source>
            <translation>Nierenfunktion (Kreatinin)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>magnesium</source>
            <translation>Magnesium</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>muscle cramps or spasms</source>
            <translation>Muskelkrämpfe oder -zuckungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>muscle weakness</source>
            <translation>Muskelschwäche</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>parathyroid hormone</source>
            <translation>Parathormon</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>phosphate</source>
            <translation>Phosphat</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>tingling or numbness, for example around the mouth or in the fingers</source>
            <translation>Kribbeln oder Taubheit, zum Beispiel um den Mund oder in den Fingern</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>transferrin saturation</source>
            <translation>Transferrinsättigung</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/letters.py" />
            <source>vitamin D</source>
            <translation>Vitamin D</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Log in</source>
            <translation>&amp;Anmelden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;Switch user</source>
            <translation>Benutzer &amp;wechseln</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>&amp;User name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Clinic server: {server}</source>
            <translation>Klinikserver: {server}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter your password.</source>
            <translation>Bitte Ihr Passwort eingeben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Enter your user name.</source>
            <translation>Bitte Ihren Benutzernamen eingeben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Locked - clinic_app</source>
            <translation>Gesperrt - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Log in - clinic_app</source>
            <translation>Anmelden - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Log in as another user. Windows left open by the previous user are closed and their unsaved changes are lost.</source>
            <translation>Als anderer Benutzer anmelden. Vom vorigen Benutzer offen gelassene Fenster werden geschlossen, ungespeicherte Änderungen gehen verloren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>Set a new password to continue.</source>
            <translation>Setzen Sie ein neues Passwort, um fortzufahren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic database could not be reached: {error}</source>
            <translation>Die Praxisdatenbank war nicht erreichbar: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The clinic server could not be reached. Check the network and try again.</source>
            <translation>Der Klinikserver ist nicht erreichbar. Bitte Netzwerk prüfen und erneut versuchen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>The user name or password is not right. Check Caps Lock and try again. After {count} wrong tries the account is locked for a while.</source>
            <translation>Benutzername oder Passwort stimmen nicht. Prüfen Sie die Feststelltaste und versuchen Sie es erneut. Nach {count} Fehlversuchen wird das Konto für eine Weile gesperrt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>This account is locked until {time} after {count} wrong passwords. Try again then, or ask an administrator to reset the password.</source>
            <translation>Dieses Konto ist nach {count} falschen Passwörtern bis {time} gesperrt. Versuchen Sie es dann erneut, oder bitten Sie einen Administrator, das Passwort zurückzusetzen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/login_dialog.py" />
            <source>for example ada.lovelace</source>
            <translation>zum Beispiel ada.lovelace</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>%1 (%2): %3</source>
            <translation>%1 (%2): %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>%1 - CLINIC CLOSED</source>
            <translation>%1 - PRAXIS GESCHLOSSEN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>%1 - front desk</source>
            <translation>%1 - Empfang</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>%1: %2 (%3), %4, %5 in %6</source>
            <translation>%1: %2 (%3), %4, %5 in %6</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>%1: its own shade</source>
            <translation>%1: eigener Farbton</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Administration</source>
            <translation>&amp;Verwaltung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Audit trail</source>
            <translation>&amp;Protokoll</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>&amp;Cancel session…</source>
            <translation>&amp;Absagen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Day grid</source>
            <translation>Tages&amp;plan</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Details panel</source>
            <translation>&amp;Detailbereich</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>&amp;Dismiss message</source>
            <translation>Meldung a&amp;usblenden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Find patient…</source>
            <translation>Patient &amp;suchen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Go to date…</source>
            <translation>&amp;Gehe zu Datum…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Lock now</source>
            <translation>Jetzt &amp;sperren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>&amp;Move…</source>
            <translation>&amp;Verschieben…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>&amp;New booking…</source>
            <translation>&amp;Neue Buchung…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Next day</source>
            <translation>&amp;Folgetag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Patient</source>
            <translation>&amp;Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Patient…</source>
            <translation>&amp;Patient…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Previous day</source>
            <translation>&amp;Vortag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Neu laden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Results list…</source>
            <translation>&amp;Ergebnisliste…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;Session</source>
            <translation>&amp;Sitzung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Today</source>
            <translation>&amp;Heute</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Users…</source>
            <translation>&amp;Benutzer…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>&amp;Waitlist…</source>
            <translation>&amp;Warteliste…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>&amp;Week overview</source>
            <translation>&amp;Wochenübersicht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 cancelled (not drawn)</source>
            <translation>1 abgesagt (nicht abgenommen)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 co-therapy flag</source>
            <translation>1 Co-Therapie-Hinweis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 dose booked as one course.</source>
            <translation>1 Gabe als eine Serie gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw</source>
            <translation>1 Blutabnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw no longer needed was cancelled.</source>
            <translation>1 nicht mehr benötigte Blutabnahme wurde abgesagt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 lab draw serves this booking.</source>
            <translation>1 Blutabnahme gehört zu dieser Buchung.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 overdue lab draw</source>
            <translation>1 überfällige Blutabnahme</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>1 session</source>
            <translation>1 Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>A BLOCK a clinician overrode, with a reason (see the details panel)</source>
            <translation>Ein BLOCK, den eine Fachkraft mit Grund übersteuert hat (siehe Detailbereich)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Acting as %1 (%2)</source>
            <translation>Angemeldet als %1 (%2)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Add users and set passwords (administrators)</source>
            <translation>Benutzer hinzufügen und Passwörter setzen (Administratoren)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>After IV iron: the letter to the outside prescriber and the patient sheet (PDF)</source>
            <translation>Nach i.v. Eisen: der Brief an den externen Verordner und das Patientenblatt (PDF)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Home</source>
            <translation>Alt+Home</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Left</source>
            <translation>Alt+Left</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Alt+Right</source>
            <translation>Alt+Right</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>BLOCK✓ = overridden</source>
            <translation>BLOCK✓ übersteuert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Back to &amp;booked</source>
            <translation>&amp;Zurück auf gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Bisphosphonate</source>
            <translation>Bisphosphonat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Blood draws at the lab station (last column)</source>
            <translation>Blutabnahmen am Laborplatz (letzte Spalte)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book a &amp;series…</source>
            <translation>&amp;Serie buchen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book a session (at the selected chair and time)</source>
            <translation>Einen Termin buchen (am gewählten Stuhl und zur gewählten Zeit)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Book the next doses or an iron course in one go</source>
            <translation>Die nächsten Gaben oder eine Eisenserie in einem Schritt buchen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Booked</source>
            <translation>Gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Cancel the selected session, with a reason</source>
            <translation>Den ausgewählten Termin mit Grund absagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Cancelled</source>
            <translation>Abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Cancelled sessions leave the grid; the day's summary counts them</source>
            <translation>Abgesagte Termine verschwinden aus dem Plan; die Tageszusammenfassung zählt sie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Cancelled: hidden</source>
            <translation>Abgesagt: verborgen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Chair occupancy for the whole week</source>
            <translation>Stuhlbelegung für die ganze Woche</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Clinic &amp;settings…</source>
            <translation>Praxis&amp;einstellungen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>Closed (%1)</source>
            <translation>Geschlossen (%1)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Completed</source>
            <translation>Erledigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Could not load this day</source>
            <translation>Dieser Tag konnte nicht geladen werden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Cover the screen until the password is entered again</source>
            <translation>Bildschirm verdecken, bis das Passwort erneut eingegeben wird</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+F</source>
            <translation>Ctrl+F</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+G</source>
            <translation>Ctrl+G</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+M</source>
            <translation>Ctrl+M</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+N</source>
            <translation>Ctrl+N</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+P</source>
            <translation>Ctrl+P</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+PgDown</source>
            <translation>Ctrl+PgDown</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+PgUp</source>
            <translation>Ctrl+PgUp</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Q</source>
            <translation>Ctrl+Q</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+A</source>
            <translation>Ctrl+Shift+A</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+I</source>
            <translation>Ctrl+Shift+I</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Shift+L</source>
            <translation>Ctrl+Shift+L</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Ctrl+Shift+N</source>
            <translation>Ctrl+Shift+N</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+R</source>
            <translation>Ctrl+Shift+R</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Ctrl+Shift+U</source>
            <translation>Ctrl+Shift+U</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Ctrl+Shift+W</source>
            <translation>Ctrl+Shift+W</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Ctrl+T</source>
            <translation>Ctrl+T</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Denosumab</source>
            <translation>Denosumab</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Esc</source>
            <translation>Esc</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>F5</source>
            <translation>F5</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>F9</source>
            <translation>F9</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Find a patient by name, MRN, date of birth or phone</source>
            <translation>Patient nach Name, MRN, Geburtsdatum oder Telefon suchen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Go to date (Ctrl+G)</source>
            <translation>Gehe zu Datum (Strg+G)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Grey and hatched, with the word NO-SHOW: the patient did not come</source>
            <translation>Grau und schraffiert, mit dem Wort NO-SHOW: der Patient ist nicht gekommen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Grey: the session is completed</source>
            <translation>Grau: der Termin ist abgeschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>IV iron</source>
            <translation>I.v. Eisen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Lab draw</source>
            <translation>Labor</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Let another user log in without closing the app</source>
            <translation>Einen anderen Benutzer anmelden lassen, ohne das Programm zu schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Load the day again from the database</source>
            <translation>Den Tag neu aus der Datenbank laden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Loading…</source>
            <translation>Wird geladen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;arrived</source>
            <translation>Als &amp;angekommen markieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;completed</source>
            <translation>Als abges&amp;chlossen markieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;in chair</source>
            <translation>Als &amp;im Stuhl markieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Mark &amp;no-show</source>
            <translation>Als &amp;nicht erschienen markieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Move the selected session to another time or chair</source>
            <translation>Den ausgewählten Termin auf eine andere Zeit oder einen anderen Stuhl verschieben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Moved</source>
            <translation>Verschoben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Moving…</source>
            <translation>Wird verschoben…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>Navigation</source>
            <translation>Navigation</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>No-show</source>
            <translation>No-Show</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Not moved: %1</source>
            <translation>Nicht verschoben: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>Now</source>
            <translation>Jetzt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Open the selected session's patient</source>
            <translation>Den Patienten des ausgewählten Termins öffnen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Opening hours, closed dates, time zone, lab capacity, chairs (administrators)</source>
            <translation>Öffnungszeiten, Schließtage, Zeitzone, Laborkapazität, Stühle (Administratoren)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Patients waiting for an earlier slot; offers of freed slots</source>
            <translation>Patienten, die auf einen früheren Termin warten; Angebote frei gewordener Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Print &amp;letters…</source>
            <translation>Briefe &amp;drucken…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>S&amp;tatus</source>
            <translation>S&amp;tatus</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>S&amp;witch user…</source>
            <translation>Benutzer &amp;wechseln…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/booking_paths.py" />
            <source>Select a booked session to move it</source>
            <translation>Einen gebuchten Termin auswählen, um ihn zu verschieben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Select a session to cancel it</source>
            <translation>Einen Termin auswählen, um ihn abzusagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/session_commands.py" />
            <source>Select an IV iron session to print its letters</source>
            <translation>Einen i.v. Eisen-Termin auswählen, um seine Briefe zu drucken</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>Selected</source>
            <translation>Ausgewählt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show the day after</source>
            <translation>Den Folgetag anzeigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show the day before</source>
            <translation>Den Vortag anzeigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Show today's grid</source>
            <translation>Den heutigen Tagesplan anzeigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Showing %1</source>
            <translation>Angezeigt: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/menus.py" />
            <source>The language changes to %1 at the next start.</source>
            <translation>Die Sprache wechselt beim nächsten Start zu %1.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>The time now; earlier time on today's grid is shaded</source>
            <translation>Die aktuelle Uhrzeit; frühere Zeit im heutigen Plan ist schattiert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/legend.py" />
            <source>The worst safety finding of the session, as an icon and its word</source>
            <translation>Der schwerste Sicherheitsbefund des Termins, als Symbol und Wort</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/navigation.py" />
            <source>Type or pick a date</source>
            <translation>Datum eingeben oder wählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>URGENT and low results, results not back, sessions that cannot go ahead</source>
            <translation>DRINGENDE und niedrige Ergebnisse, ausstehende Ergebnisse, Termine, die nicht stattfinden können</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/main_window.py" />
            <source>Week overview</source>
            <translation>Wochenübersicht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/tool_windows.py" />
            <source>Who changed what, and when (managers and administrators)</source>
            <translation>Wer hat was wann geändert (Leitung und Administratoren)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/front_desk/feedback.py" />
            <source>Working…</source>
            <translation>Wird bearbeitet…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>closed date</source>
            <translation>Schließtag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>not an opening day</source>
            <translation>kein Öffnungstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} cancelled (not drawn)</source>
            <translation>{n} abgesagt (nicht abgenommen)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} co-therapy flags</source>
            <translation>{n} Co-Therapie-Hinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} doses booked as one course.</source>
            <translation>{n} Gaben als eine Serie gebucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws</source>
            <translation>{n} Blutabnahmen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws no longer needed were cancelled.</source>
            <translation>{n} nicht mehr benötigte Blutabnahmen wurden abgesagt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} lab draws serve this booking.</source>
            <translation>{n} Blutabnahmen gehören zu dieser Buchung.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} overdue lab draws</source>
            <translation>{n} überfällige Blutabnahmen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/summary.py" />
            <source>{n} sessions</source>
            <translation>{n} Termine</translation>
        </message>
    </context>
    <context>
        <name>MessageBanner</name>
        <message>
            <location filename="clinic_app/gui/common/message_banner.py" />
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
    </context>
    <context>
        <name>MoveDialog</name>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>%1 (%2): %3, now %4 %5-%6 in %7</source>
            <translation>%1 (%2): %3, jetzt %4 %5-%6 in %7</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>&amp;Move</source>
            <translation>&amp;Verschieben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Any free chair</source>
            <translation>Beliebiger freier Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>C&amp;hair:</source>
            <translation>St&amp;uhl:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Checking…</source>
            <translation>Prüfung läuft…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Ctrl+Return</source>
            <translation>Ctrl+Return</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Lab draws after the move</source>
            <translation>Blutabnahmen nach dem Verschieben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>Move session</source>
            <translation>Termin verschieben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>New &amp;date and time:</source>
            <translation>Neues &amp;Datum und Uhrzeit:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>choose another date</source>
            <translation>ein anderes Datum wählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/move_dialog.py" />
            <source>moved</source>
            <translation>verschoben</translation>
        </message>
    </context>
    <context>
        <name>NewPatientForm</name>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>&amp;MRN:</source>
            <translation>&amp;MRN:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Back to &amp;search</source>
            <translation>Zurück zur &amp;Suche</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Create &amp;patient</source>
            <translation>&amp;Patient anlegen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Date of &amp;birth:</source>
            <translation>&amp;Geburtsdatum:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>F (female)</source>
            <translation>W (weiblich)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Full na&amp;me:</source>
            <translation>Vollständiger Na&amp;me:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>M (male)</source>
            <translation>M (männlich)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>New patient</source>
            <translation>Neuer Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>P&amp;hone:</source>
            <translation>Tel&amp;efon:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>Se&amp;x:</source>
            <translation>Ge&amp;schlecht:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>X (other)</source>
            <translation>X (divers)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/new_patient_form.py" />
            <source>not recorded</source>
            <translation>nicht erfasst</translation>
        </message>
    </context>
    <context>
        <name>NurseList</name>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 (continued)</source>
            <translation>%1 (Fortsetzung)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 (due and not done)</source>
            <translation>%1 (fällig und nicht erledigt)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 - daily list by nurse for %2 - printed %3</source>
            <translation>%1 - Tagesliste nach Pflegekraft für %2 - gedruckt %3</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>%1 at %2</source>
            <translation>%1 um %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Daily list by nurse</source>
            <translation>Tagesliste nach Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Daily list by nurse %1</source>
            <translation>Tagesliste nach Pflegekraft %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Flags</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Hand-offs</source>
            <translation>Übergaben</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Labs due</source>
            <translation>Fällige Blutabnahmen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>No nurse rota for this day: no session has a nurse.</source>
            <translation>Kein Dienstplan für diesen Tag: kein Termin hat eine Pflegekraft.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>No patients.</source>
            <translation>Keine Patienten.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>On duty %1 min; nurse work %2 min</source>
            <translation>Im Dienst %1 Min.; Pflegearbeit %2 Min.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Patients: %1</source>
            <translation>Patienten: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>Unassigned</source>
            <translation>Nicht zugeteilt</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>monitoring</source>
            <translation>Überwachung</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>no nurse free</source>
            <translation>keine Pflegekraft frei</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>set-up</source>
            <translation>Vorbereitung</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/nurse_list_print.py" />
            <source>take-down</source>
            <translation>Abschluss</translation>
        </message>
    </context>
    <context>
        <name>NurseListModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>%1 (patients: %2)</source>
            <translation>%1 (Patienten: %2)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>On duty %1 min; nurse work %2 min. Drop a patient here to hand over.</source>
            <translation>Im Dienst %1 Min.; Pflegearbeit %2 Min. Patienten hierher ziehen, um ihn zu übergeben.</translation>
        </message>
    </context>
    <context>
        <name>NursePanel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Drag a patient onto a nurse to hand her over.</source>
            <translation>Einen Patienten auf eine Pflegekraft ziehen, um ihn zu übergeben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>No nurse rota for this day.</source>
            <translation>Kein Dienstplan für diesen Tag.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Nurses to&amp;day</source>
            <translation>Pflege&amp;kräfte heute</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>Nurses today</source>
            <translation>Pflegekräfte heute</translation>
        </message>
    </context>
    <context>
        <name>NursePickerDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_panel.py" />
            <source>&amp;Nurse:</source>
            <translation>&amp;Pflegekraft:</translation>
        </message>
    </context>
    <context>
        <name>NurseTools</name>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>%1 is not free for most of %2's session; %3 keeps it</source>
            <translation>%1 ist für den größten Teil des Termins von %2 nicht frei; %3 behält ihn</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>%1 is now looked after by %2</source>
            <translation>%1 wird jetzt von %2 betreut</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>&amp;My patients</source>
            <translation>&amp;Meine Patienten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Daily list by nurse %1</source>
            <translation>Tagesliste nach Pflegekraft %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Hand the selected patient to another nurse (Ctrl+Shift+N)</source>
            <translation>Den gewählten Patienten einer anderen Pflegekraft übergeben (Strg+Umschalt+N)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>My patients</source>
            <translation>Meine Patienten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Nurse not changed</source>
            <translation>Pflegekraft nicht geändert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>One page per nurse with her patients, then the unassigned (Ctrl+Shift+B)</source>
            <translation>Eine Seite je Pflegekraft mit ihren Patienten, dann die nicht zugeteilten (Strg+Umschalt+B)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Patients of %1 today: %2</source>
            <translation>Patienten von %1 heute: %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Print b&amp;y nurse...</source>
            <translation>Nach Pflegekraft d&amp;rucken...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Print preview - daily list by nurse</source>
            <translation>Druckvorschau - Tagesliste nach Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Reassi&amp;gn to nurse...</source>
            <translation>An Pflegekraft über&amp;geben...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Reassign to nurse</source>
            <translation>An Pflegekraft übergeben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Save by nurse as PD&amp;F...</source>
            <translation>Nach Pflegekraft als PDF s&amp;peichern...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Save daily list by nurse as PDF</source>
            <translation>Tagesliste nach Pflegekraft als PDF speichern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Show only my patients today (Ctrl+Shift+M)</source>
            <translation>Nur meine heutigen Patienten zeigen (Strg+Umschalt+M)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Which nurse looks after %1 (%2, %3)?</source>
            <translation>Welche Pflegekraft betreut %1 (%2, %3)?</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>Which nurse of today's rota are you?</source>
            <translation>Welche Pflegekraft des heutigen Dienstplans sind Sie?</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/nurse_tools.py" />
            <source>no nurse</source>
            <translation>keine Pflegekraft</translation>
        </message>
    </context>
    <context>
        <name>PasswordDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Repeat password:</source>
            <translation>Passwort &amp;wiederholen:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Set password</source>
            <translation>Passwort &amp;setzen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>At least {count} characters.</source>
            <translation>Mindestens {count} Zeichen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New &amp;password:</source>
            <translation>Neues &amp;Passwort:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New password for {user}. It also unlocks the account if it was locked after wrong passwords.</source>
            <translation>Neues Passwort für {user}. Es entsperrt auch das Konto, falls es nach falschen Passwörtern gesperrt wurde.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Set a password - clinic_app</source>
            <translation>Passwort setzen - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>The two passwords are not the same.</source>
            <translation>Die beiden Passwörter stimmen nicht überein.</translation>
        </message>
    </context>
    <context>
        <name>PatientDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Book for this patient…</source>
            <translation>Für diesen Patienten &amp;buchen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Drug:</source>
            <translation>&amp;Wirkstoff:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Edit exposure…</source>
            <translation>Exposition &amp;bearbeiten…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Last dose on</source>
            <translation>&amp;Letzte Gabe am</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Ongoing since</source>
            <translation>&amp;Laufend seit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Record exposure</source>
            <translation>Exposition &amp;erfassen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>&amp;Where given:</source>
            <translation>&amp;Verabreicht in:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Drugs given elsewhere (outside exposures)</source>
            <translation>Anderswo gegebene Medikamente (externe Expositionen)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure corrected: %1</source>
            <translation>Exposition korrigiert: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure recorded: %1</source>
            <translation>Exposition erfasst: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Exposure removed: %1</source>
            <translation>Exposition entfernt: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Last dose &amp;unknown</source>
            <translation>Letzte Gabe &amp;unbekannt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>MRN %1</source>
            <translation>MRN %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Next doses:</source>
            <translation>Nächste Gaben:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>No antiresorptive schedule to follow.</source>
            <translation>Kein antiresorptiver Therapieplan zu beachten.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Patient %1</source>
            <translation>Patient %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Re&amp;move exposure…</source>
            <translation>Exposition ent&amp;fernen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>Sessions and lab draws</source>
            <translation>Termine und Blutabnahmen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>The patient's booked sessions were checked again against it.</source>
            <translation>Die gebuchten Termine des Patienten wurden damit erneut geprüft.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>The patient's booked sessions were checked again without it.</source>
            <translation>Die gebuchten Termine des Patienten wurden ohne sie erneut geprüft.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>YYYY-MM-DD</source>
            <translation>YYYY-MM-DD</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>e.g. GP surgery, St Mary's Hospital</source>
            <translation>z. B. Hausarztpraxis, St.-Marien-Krankenhaus</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>phone %1</source>
            <translation>Telefon %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/patient_dialog.py" />
            <source>sex %1</source>
            <translation>Geschlecht %1</translation>
        </message>
    </context>
    <context>
        <name>PatientHistory</name>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>%1, date unknown</source>
            <translation>%1, Datum unbekannt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>%1, ongoing</source>
            <translation>%1, laufend</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>(+%1 more)</source>
            <translation>(+%1 weitere)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Booked: %1</source>
            <translation>Gebucht: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Booked: nothing from today on.</source>
            <translation>Gebucht: ab heute nichts.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Recent doses: %1</source>
            <translation>Letzte Gaben: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>Recent doses: none recorded.</source>
            <translation>Letzte Gaben: keine erfasst.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>elsewhere</source>
            <translation>anderswo</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/patient_history.py" />
            <source>here</source>
            <translation>hier</translation>
        </message>
    </context>
    <context>
        <name>PatientListModel</name>
        <message>
            <location filename="clinic_app/gui/common/patient_list_model.py" />
            <source>%1 · %2 · %3</source>
            <translation>%1 · %2 · %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/patient_list_model.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
    </context>
    <context>
        <name>PatientPicker</name>
        <message>
            <location filename="clinic_app/gui/common/patient_picker.py" />
            <source>Name (any order), MRN, date of birth or phone</source>
            <translation>Name (beliebige Reihenfolge), MRN, Geburtsdatum oder Telefon</translation>
        </message>
    </context>
    <context>
        <name>PdfExport</name>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>%1 - generated %2</source>
            <translation>%1 - erstellt %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>; prescriber consulted: %1</source>
            <translation>; Verordner konsultiert: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>CO-THERAPY</source>
            <translation>CO-THERAPIE</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Findings and overrides</source>
            <translation>Befunde und Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Flags</source>
            <translation>Hinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>No sessions match this export.</source>
            <translation>Kein Termin passt zu diesem Export.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Page %1</source>
            <translation>Seite %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Page %1 of %2</source>
            <translation>Seite %1 von %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Prescriber: %1</source>
            <translation>Verordner: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Schedule export</source>
            <translation>Terminplan-Export</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>the file or printer cannot be written</source>
            <translation>die Datei oder der Drucker kann nicht beschrieben werden</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/pdf_export.py" />
            <source>↳ Override by %1: %2</source>
            <translation>↳ Übersteuerung durch %1: %2</translation>
        </message>
    </context>
    <context>
        <name>PeriodToolbar</name>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source> &amp;From </source>
            <translation> &amp;Von </translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source> &amp;to </source>
            <translation> &amp;bis </translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source>&amp;Show report</source>
            <translation>Bericht &amp;anzeigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/period_toolbar.py" />
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
    </context>
    <context>
        <name>RecordResultsDialog</name>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 (%2), lab draw %3 booked %4</source>
            <translation>%1 (%2), Blutabnahme %3 gebucht %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 unit</source>
            <translation>%1 Einheit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>%1 value</source>
            <translation>%1 Wert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>&amp;Drawn at:</source>
            <translation>Abge&amp;nommen um:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>&amp;Save results</source>
            <translation>Ergebnisse &amp;speichern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Patient's &amp;weight (kg):</source>
            <translation>&amp;Gewicht des Patienten (kg):</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Record results - lab draw %1</source>
            <translation>Ergebnisse erfassen - Blutabnahme %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Test</source>
            <translation>Test</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Type at least one value, or the weight.</source>
            <translation>Mindestens einen Wert oder das Gewicht eingeben.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Unit (SI)</source>
            <translation>Einheit (SI)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>Value</source>
            <translation>Wert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/record_dialog.py" />
            <source>kg, at this visit (for the clearance)</source>
            <translation>kg, bei diesem Besuch (für die Clearance)</translation>
        </message>
    </context>
    <context>
        <name>RemoveExposureDialog</name>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>&amp;Reason:</source>
            <translation>&amp;Grund:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Re&amp;move</source>
            <translation>&amp;Entfernen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Remove %1? It stays in the audit trail with the reason.</source>
            <translation>%1 entfernen? Der Eintrag bleibt mit dem Grund im Protokoll.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>Remove exposure</source>
            <translation>Exposition entfernen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/exposure_dialogs.py" />
            <source>e.g. recorded for the wrong patient</source>
            <translation>z. B. beim falschen Patienten erfasst</translation>
        </message>
    </context>
    <context>
        <name>ReplanDialog</name>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>%1 session(s) move, %2 need(s) a new day, %3 get(s) another nurse.</source>
            <translation>%1 Termin(e) werden verschoben, %2 brauchen einen neuen Tag, %3 bekommen eine andere Pflegekraft.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Apply changes</source>
            <translation>Änderungen &amp;übernehmen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>&amp;Propose</source>
            <translation>Vor&amp;schlagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>(nobody)</source>
            <translation>(niemand)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>(none)</source>
            <translation>(keiner)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>A manager takes %1 off the rota first; then re-plan with nobody off sick to apply.</source>
            <translation>Zuerst nimmt die Leitung %1 aus dem Dienstplan; danach ohne Krankmeldung neu umplanen, um zu übernehmen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Applying cancels the sessions that need a new day, to be rebooked.</source>
            <translation>Beim Übernehmen werden die Termine, die einen neuen Tag brauchen, storniert und sind neu zu buchen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>No re-plan</source>
            <translation>Keine Umplanung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Nurse &amp;off sick:</source>
            <translation>&amp;Krank gemeldete Pflegekraft:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Proposed changes</source>
            <translation>Vorgeschlagene Änderungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Re-plan %1</source>
            <translation>Umplanung %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Re-plan not applied</source>
            <translation>Umplanung nicht übernommen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Session running &amp;late:</source>
            <translation>&amp;Verspäteter Termin:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>The day keeps every session as it is.</source>
            <translation>Der Tag behält alle Termine, wie sie sind.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_dialog.py" />
            <source>Your role may look at the re-plan, not apply it.</source>
            <translation>Ihre Rolle darf die Umplanung ansehen, aber nicht übernehmen.</translation>
        </message>
    </context>
    <context>
        <name>ReplanModel</name>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Another nurse</source>
            <translation>Andere Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>It would end after closing</source>
            <translation>Er würde nach Praxisschluss enden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Its chair is taken then</source>
            <translation>Sein Stuhl ist dann belegt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Needs a new day</source>
            <translation>Braucht einen neuen Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>No nurse free then</source>
            <translation>Dann ist keine Pflegekraft frei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Nurse</source>
            <translation>Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Running late</source>
            <translation>Verspätet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>The patient is still in another session</source>
            <translation>Der Patient ist noch in einem anderen Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>Why</source>
            <translation>Warum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/daily_list/replan_model.py" />
            <source>nobody</source>
            <translation>niemand</translation>
        </message>
    </context>
    <context>
        <name>ReportsMenu</name>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Capacity report</source>
            <translation>&amp;Kapazitätsbericht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Daily list</source>
            <translation>&amp;Tagesliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Export schedule...</source>
            <translation>Terminplan &amp;exportieren...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Reports</source>
            <translation>&amp;Berichte</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>&amp;Utilisation report</source>
            <translation>&amp;Auslastungsbericht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>Slot &amp;template</source>
            <translation>Termin&amp;vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/reports_menu.py" />
            <source>Template c&amp;ompliance report</source>
            <translation>Einhaltung der V&amp;orlage</translation>
        </message>
    </context>
    <context>
        <name>ResultsListModel</name>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>%1, %2, %3</source>
            <translation>%1, %2, %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>ALERT</source>
            <translation>WARNUNG</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Act now, then acknowledge with a note</source>
            <translation>Sofort handeln, dann mit einer Notiz bestätigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Call the prescriber, then acknowledge with a note</source>
            <translation>Verordner anrufen, dann mit einer Notiz bestätigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Chase the laboratory, or record the results</source>
            <translation>Beim Labor nachfragen oder die Ergebnisse erfassen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Do not start: override at check-in or rebook</source>
            <translation>Nicht beginnen: beim Check-in übersteuern oder umbuchen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Kind</source>
            <translation>Art</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Lab draw %1: %2 not back</source>
            <translation>Blutabnahme %1: %2 ausstehend</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>NOT BACK</source>
            <translation>AUSSTEHEND</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>STOPPED</source>
            <translation>ABGEBROCHEN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>To do</source>
            <translation>Zu erledigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>URGENT</source>
            <translation>DRINGEND</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_model.py" />
            <source>drawn %1, due by %2</source>
            <translation>abgenommen %1, fällig bis %2</translation>
        </message>
    </context>
    <context>
        <name>ResultsWindow</name>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 URGENT, %2 low after iron (call the prescriber), %3 not back, %4</source>
            <translation>%1 DRINGEND, %2 niedrig nach Eisen (Verordner anrufen), %3 ausstehend, %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 results imported from %2</source>
            <translation>%1 Ergebnisse aus %2 importiert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>%1 results recorded</source>
            <translation>%1 Ergebnisse erfasst</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Acknowledge…</source>
            <translation>&amp;Bestätigen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Import…</source>
            <translation>&amp;Importieren…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>1 session that cannot go ahead</source>
            <translation>1 Termin, der nicht stattfinden kann</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>; alerts raised: %1</source>
            <translation>; ausgelöste Warnungen: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Acknowledge the selected alert with a note</source>
            <translation>Die ausgewählte Warnung mit einer Notiz bestätigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Alert acknowledged: %1 (%2)</source>
            <translation>Warnung bestätigt: %1 (%2)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Alert not acknowledged</source>
            <translation>Warnung nicht bestätigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import</source>
            <translation>Importieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import a laboratory file (CSV or HL7), all or nothing</source>
            <translation>Eine Labordatei importieren (CSV oder HL7), ganz oder gar nicht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Import laboratory results</source>
            <translation>Laborergebnisse importieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Laboratory files (*.csv *.hl7 *.txt);;All files (*)</source>
            <translation>Labordateien (*.csv *.hl7 *.txt);;Alle Dateien (*)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Nothing imported from %1</source>
            <translation>Nichts importiert aus %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Nothing needs a nurse about results today.</source>
            <translation>Heute braucht kein Ergebnis eine Pflegekraft.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Read the list again</source>
            <translation>Liste neu lesen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Record &amp;results…</source>
            <translation>&amp;Ergebnisse erfassen…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Record results</source>
            <translation>Ergebnisse erfassen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results</source>
            <translation>Ergebnisse</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results list</source>
            <translation>Ergebnisliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results list - %1</source>
            <translation>Ergebnisliste - %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Results needing a nurse</source>
            <translation>Ergebnisse für die Pflege</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Select a line to see it in full.</source>
            <translation>Eine Zeile auswählen, um sie vollständig zu sehen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>The results just recorded stop them.</source>
            <translation>Die eben erfassten Ergebnisse beenden sie.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>Type the results of the selected draw that is not back</source>
            <translation>Ergebnisse der ausgewählten, noch ausstehenden Abnahme eingeben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/results/results_window.py" />
            <source>{n} sessions that cannot go ahead</source>
            <translation>{n} Termine, die nicht stattfinden können</translation>
        </message>
    </context>
    <context>
        <name>RoleDialog</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Change role</source>
            <translation>&amp;Rolle ändern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Role:</source>
            <translation>&amp;Rolle:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Change a role - clinic_app</source>
            <translation>Rolle ändern - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New role for {user}, now {role}. They are logged out everywhere and log in again with the new role.</source>
            <translation>Neue Rolle für {user}, bisher {role}. Die Person wird überall abgemeldet und meldet sich mit der neuen Rolle wieder an.</translation>
        </message>
    </context>
    <context>
        <name>SafetyPanel</name>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>1 lab draw will be added.</source>
            <translation>1 Blutabnahme wird hinzugefügt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>A finding marked BLOCK needs a clinical override, which only a nurse can give. Ask a nurse, or %1.</source>
            <translation>Ein Befund mit BLOCK erfordert eine klinische Übersteuerung, die nur eine Pflegekraft geben kann. Fragen Sie eine Pflegekraft, oder %1.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>A finding marked BLOCK needs a clinical override. Give the clinical reason and the prescriber you consulted below to go ahead, or %1.</source>
            <translation>Ein Befund mit BLOCK erfordert eine klinische Übersteuerung. Geben Sie unten den klinischen Grund und den konsultierten Verordner an, um fortzufahren, oder %1.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1, with 1 warning</source>
            <translation>Möglich als %1, mit 1 Warnung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1, with {n} warnings</source>
            <translation>Möglich als %1, mit {n} Warnungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Can be %1: no safety problems found</source>
            <translation>Möglich als %1: keine Sicherheitsprobleme gefunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Cannot be %1: a safety rule forbids it</source>
            <translation>Nicht möglich als %1: eine Sicherheitsregel verbietet es</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Checking…</source>
            <translation>Prüfung läuft…</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Clinical &amp;override reason:</source>
            <translation>G&amp;rund der klinischen Übersteuerung:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Lab draws for this booking</source>
            <translation>Blutabnahmen für diese Buchung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Needs a clinical override</source>
            <translation>Erfordert eine klinische Übersteuerung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>No new lab draws needed.</source>
            <translation>Keine neuen Blutabnahmen nötig.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Prescriber consu&amp;lted:</source>
            <translation>Verordner &amp;konsultiert:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Safety check</source>
            <translation>Sicherheitsprüfung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>The prescriber you discussed this with (name, practice)</source>
            <translation>Der Verordner, mit dem Sie dies besprochen haben (Name, Praxis)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>This cannot be overridden. Talk to the prescriber; the finding marked HARD below says why.</source>
            <translation>Dies kann nicht übersteuert werden. Sprechen Sie mit dem verordnenden Arzt; der unten mit HARD markierte Befund nennt den Grund.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>Why the benefit outweighs the risk (recorded with your name)</source>
            <translation>Warum der Nutzen das Risiko überwiegt (mit Ihrem Namen gespeichert)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>choose another therapy or date</source>
            <translation>eine andere Therapie oder ein anderes Datum wählen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/safety_panel.py" />
            <source>{n} lab draws will be added.</source>
            <translation>{n} Blutabnahmen werden hinzugefügt.</translation>
        </message>
    </context>
    <context>
        <name>SavePdf</name>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>Save as PDF</source>
            <translation>Als PDF speichern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/save_pdf.py" />
            <source>Saved %1</source>
            <translation>Gespeichert: %1</translation>
        </message>
    </context>
    <context>
        <name>SessionGuard</name>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Locked to protect patient data.
{user} is logged in: enter the password to go on.</source>
            <translation>Zum Schutz der Patientendaten gesperrt.
{user} ist angemeldet: Passwort eingeben, um fortzufahren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Log in as another user. Windows other than the main window are closed and their unsaved changes are lost.</source>
            <translation>Als anderer Benutzer anmelden. Alle Fenster außer dem Hauptfenster werden geschlossen, ungespeicherte Änderungen gehen verloren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>The screen was locked after {minutes} min without use. Enter your password to go on where you left off, or switch user.</source>
            <translation>Der Bildschirm wurde nach {minutes} min ohne Nutzung gesperrt. Geben Sie Ihr Passwort ein, um dort weiterzumachen, wo Sie aufgehört haben, oder wechseln Sie den Benutzer.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>Your session on the clinic server has ended (it expired, or an administrator changed your account). Log in again to go on where you left off, or switch user.</source>
            <translation>Ihre Sitzung auf dem Klinikserver ist beendet (abgelaufen, oder ein Administrator hat Ihr Konto geändert). Melden Sie sich erneut an, um dort weiterzumachen, wo Sie aufgehört haben, oder wechseln Sie den Benutzer.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/session/session_guard.py" />
            <source>clinic_app - locked</source>
            <translation>clinic_app - gesperrt</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Action</source>
            <translation>Aktion</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>In the grid: arrow keys move, Enter opens the patient or books the free slot, drag a session to move it. In the booking dialog: Enter takes the patient or slot, Ctrl+F finds free slots, Ctrl+Enter books.</source>
            <translation>Im Tagesplan: Pfeiltasten bewegen, Eingabe öffnet den Patienten oder bucht den freien Termin, einen Termin ziehen verschiebt ihn. Im Buchungsdialog: Eingabe übernimmt Patient oder Termin, Strg+F sucht freie Termine, Strg+Eingabe bucht.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/shortcuts_dialog.py" />
            <source>Shortcut</source>
            <translation>Tastenkürzel</translation>
        </message>
    </context>
    <context>
        <name>SlotTableModel</name>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Safety</source>
            <translation>Sicherheit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Suggested: {reason}</source>
            <translation>Empfohlen: {reason}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Template: {reason}</source>
            <translation>Vorlage: {reason}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>[T]</source>
            <translation>[V]</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>no findings</source>
            <translation>keine Befunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>suggested</source>
            <translation>vorgeschlagen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/booking/slot_model.py" />
            <source>template start</source>
            <translation>Vorlagenbeginn</translation>
        </message>
    </context>
    <context>
        <name>Startup</name>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>  {user} ({role})</source>
            <translation>  {user} ({role})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>Demo clinic</source>
            <translation>Demo-Praxis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The clinic server has no users yet. Set the clinic up on the server first (clinic-app --db URL init --admin NAME), then start again.</source>
            <translation>Der Klinikserver hat noch keine Benutzer. Richten Sie die Klinik zuerst auf dem Server ein (clinic-app --db URL init --admin NAME) und starten Sie dann erneut.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The clinic was empty, so a demo clinic was set up to try the app.</source>
            <translation>Die Praxis war leer, daher wurde eine Demo-Praxis zum Ausprobieren eingerichtet.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>The demo clinic could not be set up: {error}</source>
            <translation>Die Demo-Praxis konnte nicht eingerichtet werden: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>To try the other roles, log in as:
{accounts}
with the demo password "{password}" (the same for each; it is published in the README).

This database is for trying the app only: start the real clinic on a new database.</source>
            <translation>Um die anderen Rollen auszuprobieren, melden Sie sich an als:
{accounts}
mit dem Demo-Passwort "{password}" (für alle gleich; es steht im README).

Diese Datenbank dient nur zum Ausprobieren: Starten Sie die echte Praxis mit einer neuen Datenbank.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>clinic_app</source>
            <translation>clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>front desk</source>
            <translation>Empfang</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>manager</source>
            <translation>Leitung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/startup.py" />
            <source>nurse</source>
            <translation>Pflegekraft</translation>
        </message>
    </context>
    <context>
        <name>StoppedSessions</name>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>%1 %2, %3: %4 for %5 (%6)</source>
            <translation>%1 %2, %3: %4 für %5 (%6)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>%1. They stay booked and show it on the grid and the daily list; a nurse decides at check-in (override with a reason, or rebook). %2</source>
            <translation>%1. Sie bleiben gebucht und sind im Plan und in der Tagesliste markiert; eine Pflegekraft entscheidet beim Check-in (Übersteuerung mit Grund oder Umbuchung). %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>(rule %1)</source>
            <translation>(Regel %1)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>1 booked session cannot go ahead as it stands</source>
            <translation>1 gebuchter Termin kann so nicht stattfinden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>Booked sessions now stopped</source>
            <translation>Jetzt gestoppte gebuchte Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>Sessions now stopped</source>
            <translation>Jetzt gestoppte Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/stopped_sessions.py" />
            <source>{n} booked sessions cannot go ahead as they stand</source>
            <translation>{n} gebuchte Termine können so nicht stattfinden</translation>
        </message>
    </context>
    <context>
        <name>TemplateDayModel</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 min (set-up %2, take-down %3)</source>
            <translation>%1 min (Vorbereitung %2, Abbau %3)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Chair time</source>
            <translation>Stuhlzeit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Filled</source>
            <translation>Belegt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Planned</source>
            <translation>Geplant</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Start</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Still free</source>
            <translation>Noch frei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>full</source>
            <translation>voll</translation>
        </message>
    </context>
    <context>
        <name>TemplateGridModel</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 (set-up %2 min, take-down %3 min): %4</source>
            <translation>%1 (Vorbereitung %2 min, Abbau %3 min): %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 at %2</source>
            <translation>%1 um %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1 x %2 min</source>
            <translation>%1 x %2 min</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>1 template start</source>
            <translation>1 Vorlagenbeginn</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>no template start</source>
            <translation>kein Vorlagenbeginn</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>{n} template starts</source>
            <translation>{n} Vorlagenbeginne</translation>
        </message>
    </context>
    <context>
        <name>TemplateWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1: %2 template starts, %3 filled, %4 still free.</source>
            <translation>%1: %2 Vorlagenbeginne, %3 belegt, %4 noch frei.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>%1: no template starts.</source>
            <translation>%1: keine Vorlagenbeginne.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Build template...</source>
            <translation>Vorlage &amp;erstellen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Day</source>
            <translation>&amp;Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>&amp;Week</source>
            <translation>&amp;Woche</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>A new template is in force.</source>
            <translation>Eine neue Vorlage gilt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Best found within the time limit on every weekday (none proven optimal).</source>
            <translation>An jedem Wochentag die beste im Zeitlimit gefundene (keine als optimal bewiesen).</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Building the slot template from %1 weeks of sessions...</source>
            <translation>Die Terminvorlage wird aus %1 Wochen Terminen erstellt...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Building the slot template...</source>
            <translation>Die Terminvorlage wird erstellt...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Built %1 by %2 from the sessions of %3 to %4 (%5 weeks), %6 chairs.</source>
            <translation>Erstellt %1 von %2 aus den Terminen vom %3 bis %4 (%5 Wochen), %6 Stühle.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Ctrl+B</source>
            <translation>Ctrl+B</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>D&amp;ay:</source>
            <translation>D&amp;atum:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Day</source>
            <translation>Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template built</source>
            <translation>Keine Vorlage erstellt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template yet: a manager builds one from the clinic's history.</source>
            <translation>Noch keine Vorlage: Eine Leitung erstellt sie aus dem Verlauf der Klinik.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>No template yet: build one from the clinic's history (Ctrl+B).</source>
            <translation>Noch keine Vorlage: Erstellen Sie eine aus dem Verlauf der Klinik (Strg+B).</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Only managers and administrators may build a template.</source>
            <translation>Nur Leitung und Administration dürfen eine Vorlage erstellen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Proven optimal on %1; the best found within the time limit on the others.</source>
            <translation>Optimal bewiesen am %1; an den übrigen die beste im Zeitlimit gefundene.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Proven optimal on every weekday.</source>
            <translation>An jedem Wochentag als optimal bewiesen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Reading the day...</source>
            <translation>Der Tag wird gelesen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Reading the template...</source>
            <translation>Die Vorlage wird gelesen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Slot template</source>
            <translation>Terminvorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template</source>
            <translation>Vorlage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template starts of the day</source>
            <translation>Vorlagenbeginne des Tages</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Template starts per weekday and time</source>
            <translation>Vorlagenbeginne je Wochentag und Uhrzeit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>The history asks for no sessions: the template has no starts.</source>
            <translation>Der Verlauf verlangt keine Termine: Die Vorlage hat keine Beginne.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/template_view.py" />
            <source>Work out a new template from the clinic's history (Ctrl+B)</source>
            <translation>Eine neue Vorlage aus dem Verlauf der Klinik berechnen (Strg+B)</translation>
        </message>
    </context>
    <context>
        <name>TimelineTableModel</name>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Findings</source>
            <translation>Befunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Lab draw: %1</source>
            <translation>Blutabnahme: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Lab station</source>
            <translation>Laborplatz</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>What</source>
            <translation>Was</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>When</source>
            <translation>Wann</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/patient/timeline_model.py" />
            <source>Where</source>
            <translation>Wo</translation>
        </message>
    </context>
    <context>
        <name>UrgentBanner</name>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>Acknowledge it with a note in the results list (Ctrl+Shift+R) once acted on.</source>
            <translation>Nach dem Handeln in der Ergebnisliste (Strg+Umschalt+R) mit einer Notiz bestätigen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>URGENT %1 (%2): %3</source>
            <translation>DRINGEND %1 (%2): %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/common/urgent_banner.py" />
            <source>Urgent result alerts</source>
            <translation>Warnungen zu dringenden Ergebnissen</translation>
        </message>
    </context>
    <context>
        <name>UserAdmin</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>An administrator asks you to set a new password before you continue. Choose one only you know.</source>
            <translation>Ein Administrator bittet Sie, vor dem Fortfahren ein neues Passwort zu setzen. Wählen Sie eines, das nur Sie kennen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Books, moves and cancels sessions; adds patients and exposures.</source>
            <translation>Bucht, verschiebt und sagt Termine ab; legt Patienten und Expositionen an.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Deactivate a user - clinic_app</source>
            <translation>Benutzer deaktivieren - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Deactivate {user}? They can no longer log in and are logged out everywhere at once. Their records and audit trail stay; you can activate them again later.</source>
            <translation>{user} deaktivieren? Die Person kann sich nicht mehr anmelden und wird überall sofort abgemeldet. Ihre Einträge und das Protokoll bleiben erhalten; Sie können sie später wieder aktivieren.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Everything the front desk does, plus clinical overrides and statuses.</source>
            <translation>Alles, was der Empfang tut, dazu klinische Übersteuerungen und Status.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Front desk</source>
            <translation>Empfang</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Manager</source>
            <translation>Leitung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Nurse</source>
            <translation>Pflegekraft</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Reads everything, exports and reports; no clinical override.</source>
            <translation>Liest alles, exportiert und erstellt Berichte; keine klinische Übersteuerung.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Set a new password - clinic_app</source>
            <translation>Neues Passwort setzen - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Users, clinic settings and rule parameters; reads and exports.</source>
            <translation>Benutzer, Praxiseinstellungen und Regelparameter; liest und exportiert.</translation>
        </message>
    </context>
    <context>
        <name>UserAdminWindow</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Add user...</source>
            <translation>Benutzer &amp;hinzufügen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Deactivate...</source>
            <translation>&amp;Deaktivieren...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>&amp;Reset password...</source>
            <translation>Passwort &amp;zurücksetzen...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Ac&amp;tivate</source>
            <translation>&amp;Aktivieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Change r&amp;ole...</source>
            <translation>R&amp;olle ändern...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Close</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>New password set for {user}.</source>
            <translation>Neues Passwort für {user} gesetzt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Re&amp;fresh</source>
            <translation>A&amp;ktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Require new pass&amp;word</source>
            <translation>Neues Pass&amp;wort verlangen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Users - clinic_app</source>
            <translation>Benutzer - clinic_app</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Withdraw new pass&amp;word</source>
            <translation>Neues Pass&amp;wort nicht mehr verlangen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{count} users.</source>
            <translation>{count} Benutzer.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} is now {role} and was logged out everywhere.</source>
            <translation>{user} ist jetzt {role} und wurde überall abgemeldet.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} must set a new password at the next login.</source>
            <translation>{user} muss bei der nächsten Anmeldung ein neues Passwort setzen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} no longer has to set a new password.</source>
            <translation>{user} muss kein neues Passwort mehr setzen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was activated.</source>
            <translation>{user} wurde aktiviert.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was added as {role}.</source>
            <translation>{user} wurde als {role} hinzugefügt.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>{user} was deactivated and logged out everywhere.</source>
            <translation>{user} wurde deaktiviert und überall abgemeldet.</translation>
        </message>
    </context>
    <context>
        <name>UserTableModel</name>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Full name</source>
            <translation>Vollständiger Name</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>User name</source>
            <translation>Benutzername</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>active</source>
            <translation>aktiv</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>active, must set a new password</source>
            <translation>aktiv, muss ein neues Passwort setzen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>inactive</source>
            <translation>inaktiv</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/admin/user_admin.py" />
            <source>locked until {time} UTC</source>
            <translation>gesperrt bis {time} UTC</translation>
        </message>
    </context>
    <context>
        <name>UtilisationChart</name>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>%1  (%2 of %3 h)</source>
            <translation>%1  (%2 von %3 h)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Available</source>
            <translation>Verfügbar</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Booked</source>
            <translation>Gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Chair-hours per day</source>
            <translation>Stuhlstunden pro Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>No chairs</source>
            <translation>Keine Stühle</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>No open days</source>
            <translation>Keine Öffnungstage</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>Utilisation per chair</source>
            <translation>Auslastung pro Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_chart.py" />
            <source>of which no-show</source>
            <translation>davon nicht erschienen</translation>
        </message>
    </context>
    <context>
        <name>UtilisationReport</name>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>%1 - utilisation report - generated %2</source>
            <translation>%1 - Auslastungsbericht - erstellt %2</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>(inactive)</source>
            <translation>(inaktiv)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Available h</source>
            <translation>Verfügbar h</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Booked h</source>
            <translation>Gebucht h</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Cancelled</source>
            <translation>Abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Cancelled sessions</source>
            <translation>Abgesagte Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair-hours available</source>
            <translation>Verfügbare Stuhlstunden</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Chair-hours booked</source>
            <translation>Gebuchte Stuhlstunden</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Clinical overrides</source>
            <translation>Klinische Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy findings</source>
            <translation>Co-Therapie-Befunde</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy findings and overrides per month</source>
            <translation>Co-Therapie-Befunde und Übersteuerungen pro Monat</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Co-therapy overrides</source>
            <translation>Co-Therapie-Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Figure</source>
            <translation>Abbildung</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No days in this period.</source>
            <translation>Keine Tage in diesem Zeitraum.</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-show h</source>
            <translation>Nicht erschienen h</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-show rate</source>
            <translation>Nichterscheinensrate</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>No-shows</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Overrides</source>
            <translation>Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Per chair</source>
            <translation>Pro Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Per day</source>
            <translation>Pro Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions</source>
            <translation>Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions (not cancelled)</source>
            <translation>Termine (nicht abgesagt)</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions flagged</source>
            <translation>Termine mit Hinweis</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions per therapy</source>
            <translation>Termine pro Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Sessions with a co-therapy flag</source>
            <translation>Termine mit Co-Therapie-Hinweis</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Utilisation</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <location filename="clinic_app/exports/utilisation_pdf.py" />
            <source>Utilisation report</source>
            <translation>Auslastungsbericht</translation>
        </message>
    </context>
    <context>
        <name>UtilisationWindow</name>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source> From </source>
            <translation> Von </translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source> to </source>
            <translation> bis </translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>&amp;Save as PDF...</source>
            <translation>Als PDF &amp;speichern...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>&amp;Show report</source>
            <translation>Bericht &amp;anzeigen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>A4</source>
            <translation>A4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Available h</source>
            <translation>Verfügbar h</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Booked h</source>
            <translation>Gebucht h</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Building the report...</source>
            <translation>Bericht wird erstellt...</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Cancelled</source>
            <translation>Abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy and overrides per &amp;month</source>
            <translation>Co-Therapie und Übersteuerungen pro &amp;Monat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy findings</source>
            <translation>Co-Therapie-Befunde</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Co-therapy overrides</source>
            <translation>Co-Therapie-Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>From</source>
            <translation>Von</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Letter</source>
            <translation>US-Letter</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Month</source>
            <translation>Monat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>No-show h</source>
            <translation>Nicht erschienen h</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>No-shows</source>
            <translation>Nicht erschienen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Overrides</source>
            <translation>Übersteuerungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Paper size</source>
            <translation>Papierformat</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per &amp;chair</source>
            <translation>Pro &amp;Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per &amp;day</source>
            <translation>Pro &amp;Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Per t&amp;herapy</source>
            <translation>Pro T&amp;herapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Report</source>
            <translation>Bericht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Save report as PDF</source>
            <translation>Bericht als PDF speichern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Sessions</source>
            <translation>Termine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Sessions flagged</source>
            <translation>Termine mit Hinweis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>The report could not be built: %1</source>
            <translation>Der Bericht konnte nicht erstellt werden: %1</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>To</source>
            <translation>Bis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation</source>
            <translation>Auslastung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation report</source>
            <translation>Auslastungsbericht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Utilisation report - %1 to %2 - %3</source>
            <translation>Auslastungsbericht - %1 bis %2 - %3</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/reports/utilisation_view.py" />
            <source>Your role may not see the utilisation report.</source>
            <translation>Ihre Rolle darf den Auslastungsbericht nicht sehen.</translation>
        </message>
    </context>
    <context>
        <name>Waitlist</name>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>%1 is on the waitlist</source>
            <translation>%1 steht auf der Warteliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>%1 withdrawn from the waitlist</source>
            <translation>%1 von der Warteliste genommen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Add to waitlist</source>
            <translation>Auf die Warteliste &amp;setzen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Book</source>
            <translation>&amp;Buchen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Dismiss</source>
            <translation>&amp;Verwerfen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Earliest date:</source>
            <translation>&amp;Frühestes Datum:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Latest date:</source>
            <translation>Spät&amp;estes Datum:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;MRN:</source>
            <translation>&amp;MRN:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Therapy:</source>
            <translation>&amp;Therapie:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>&amp;Withdraw selected</source>
            <translation>Auswahl &amp;zurückziehen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Any day</source>
            <translation>Jeder Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Booked</source>
            <translation>Gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Booked %1 at %2</source>
            <translation>%1 um %2 gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Earliest</source>
            <translation>Frühestens</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Fri</source>
            <translation>Fr</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Latest</source>
            <translation>Spätestens</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Mon</source>
            <translation>Mo</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>N&amp;ote:</source>
            <translation>&amp;Notiz:</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Nobody on the waitlist fits the freed slot</source>
            <translation>Niemand auf der Warteliste passt zum frei gewordenen Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Note</source>
            <translation>Notiz</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Offered</source>
            <translation>Angeboten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Preferred days</source>
            <translation>Bevorzugte Tage</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Sat</source>
            <translation>Sa</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Select an entry to withdraw it</source>
            <translation>Wählen Sie einen Eintrag, um ihn zurückzuziehen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Slot freed: offer to %1 (fits the rules): %2, %3 at %4</source>
            <translation>Termin frei geworden: Angebot an %1 (erfüllt die Regeln): %2, %3 um %4</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Sun</source>
            <translation>So</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Thu</source>
            <translation>Do</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Tue</source>
            <translation>Di</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waiting</source>
            <translation>Wartend</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waiting patients</source>
            <translation>Wartende Patienten</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waitlist</source>
            <translation>Warteliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Waitlist offer</source>
            <translation>Angebot aus der Warteliste</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Wed</source>
            <translation>Mi</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>Withdrawn</source>
            <translation>Zurückgezogen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/waitlist/waitlist_window.py" />
            <source>e.g. M001</source>
            <translation>z. B. M001</translation>
        </message>
    </context>
    <context>
        <name>WeekOccupancyModel</name>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (closed day)</source>
            <translation>%1 (Schließtag)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (closed)</source>
            <translation>%1 (geschlossen)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 (today)</source>
            <translation>%1 (heute)</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 BLOCK</source>
            <translation>%1 BLOCK</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 BLOCK✓</source>
            <translation>%1 BLOCK✓</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 WARN</source>
            <translation>%1 WARN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 h %2</source>
            <translation>%1 h %2</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1 h %2 booked</source>
            <translation>%1 h %2 gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>%1%</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>1 session</source>
            <translation>1 Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>All chairs</source>
            <translation>Alle Stühle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>Double-click or press Enter to open this day</source>
            <translation>Doppelklick oder Eingabe öffnet diesen Tag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>Safety flags</source>
            <translation>Sicherheitshinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>closed</source>
            <translation>geschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>free</source>
            <translation>frei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>none</source>
            <translation>keine</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_model.py" />
            <source>{n} sessions</source>
            <translation>{n} Termine</translation>
        </message>
    </context>
    <context>
        <name>WeekOverview</name>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Next week</source>
            <translation>Nächste Woche</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Previous week</source>
            <translation>Vorherige Woche</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>The share of the opening hours booked and the sessions, per chair and day (cancelled sessions left out; the booked time is in the tooltip); the last row counts the safety flags. Enter or double-click opens the day.</source>
            <translation>Der gebuchte Anteil der Öffnungszeit und die Termine pro Stuhl und Tag (ohne abgesagte Termine; die gebuchte Zeit steht im Tooltip); die letzte Zeile zählt die Sicherheitshinweise. Eingabe oder Doppelklick öffnet den Tag.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/week_overview.py" />
            <source>Week of %1</source>
            <translation>Woche vom %1</translation>
        </message>
    </context>
    <context>
        <name>Wording</name>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>(prescriber consulted: {name})</source>
            <translation>(verordnender Arzt konsultiert: {name})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 note</source>
            <translation>1 Hinweis</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 safety finding open</source>
            <translation>1 Sicherheitsbefund offen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 safety finding overridden</source>
            <translation>1 Sicherheitsbefund übersteuert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>1 warning</source>
            <translation>1 Warnung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A nurse must confirm this booking and give a reason before it can be saved.
{reasons}</source>
            <translation>Eine Pflegekraft muss diese Buchung bestätigen und einen Grund angeben, bevor sie gespeichert werden kann.
{reasons}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A safety rule forbids this booking and it cannot be overridden. Talk to the prescriber.
{reasons}</source>
            <translation>Eine Sicherheitsregel verbietet diese Buchung, und sie kann nicht übersteuert werden. Sprechen Sie mit dem Verordner.
{reasons}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A user with the role {role} may not record a clinical override.</source>
            <translation>Ein Benutzer mit der Rolle {role} darf keine klinische Übersteuerung erfassen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>A user with the role {role} may not {action}. Ask a colleague who can.</source>
            <translation>Ein Benutzer mit der Rolle {role} darf nicht {action}. Fragen Sie eine Kollegin oder einen Kollegen mit dieser Berechtigung.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>April</source>
            <translation>April</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>August</source>
            <translation>August</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>BLOCK</source>
            <translation>BLOCK</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Check the network and try again in a moment. Nothing was saved: {error}</source>
            <translation>Bitte Netzwerk prüfen und gleich erneut versuchen. Nichts wurde gespeichert: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Check the {field}: {problem}</source>
            <translation>Bitte {field} prüfen: {problem}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Course {course}</source>
            <translation>Kur {course}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>December</source>
            <translation>Dezember</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Due {first} to {last}</source>
            <translation>Fällig {first} bis {last}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>February</source>
            <translation>Februar</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Fri</source>
            <translation>Fr</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Friday</source>
            <translation>Freitag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>HARD</source>
            <translation>HARD</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>INFO</source>
            <translation>INFO</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>January</source>
            <translation>Januar</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>July</source>
            <translation>Juli</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>June</source>
            <translation>Juni</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Lab draw {start}-{end}: {tests}</source>
            <translation>Blutabnahme {start}-{end}: {tests}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Log in again to go on. Nothing was saved by this last step.</source>
            <translation>Melden Sie sich erneut an, um fortzufahren. Der letzte Schritt wurde nicht gespeichert.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>MRN</source>
            <translation>MRN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>March</source>
            <translation>März</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>May</source>
            <translation>Mai</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Mon</source>
            <translation>Mo</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Monday</source>
            <translation>Montag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Needs a clinical override</source>
            <translation>Erfordert eine klinische Übersteuerung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>No safety findings.</source>
            <translation>Keine Sicherheitsbefunde.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not allowed for the patient's safety</source>
            <translation>Zur Sicherheit des Patienten nicht erlaubt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not found</source>
            <translation>Nicht gefunden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Not permitted for your role</source>
            <translation>Für Ihre Rolle nicht erlaubt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>November</source>
            <translation>November</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>October</source>
            <translation>Oktober</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Only a nurse may override</source>
            <translation>Nur eine Pflegekraft darf übersteuern</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Overridden by {user}: {reason}</source>
            <translation>Übersteuert von {user}: {reason}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick a time within opening hours.</source>
            <translation>Bitte eine Zeit innerhalb der Öffnungszeiten wählen.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick another chair or time, or use Find next free slots.</source>
            <translation>Wählen Sie einen anderen Stuhl oder eine andere Zeit, oder nutzen Sie „Nächste freie Termine suchen“.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Pick another time, or use Find next free slots.</source>
            <translation>Wählen Sie eine andere Zeit, oder nutzen Sie „Nächste freie Termine suchen“.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Please check the {field}</source>
            <translation>Bitte {field} prüfen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Prescriber: {name}</source>
            <translation>Verordner: {name}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Reason: {reason}</source>
            <translation>Grund: {reason}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Rule {rule} · evidence {evidence}</source>
            <translation>Regel {rule} · Evidenz {evidence}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Rule {rule}; last dose {last} ({source})</source>
            <translation>Regel {rule}; letzte Dosis {last} ({source})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sat</source>
            <translation>Sa</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Saturday</source>
            <translation>Samstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>September</source>
            <translation>September</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Someone else has just booked that place</source>
            <translation>Jemand anderes hat diesen Platz gerade gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Something went wrong</source>
            <translation>Etwas ist schiefgegangen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Status: {status}</source>
            <translation>Status: {status}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sun</source>
            <translation>So</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Sunday</source>
            <translation>Sonntag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>That chair is already taken then</source>
            <translation>Dieser Stuhl ist dann schon belegt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>That time is not free</source>
            <translation>Diese Zeit ist nicht frei</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The clinic is closed then</source>
            <translation>Die Praxis ist dann geschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The clinic server could not be reached</source>
            <translation>Der Klinikserver ist nicht erreichbar</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The lab station is full then</source>
            <translation>Der Laborplatz ist dann voll</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The patient already has an appointment then</source>
            <translation>Der Patient hat zu dieser Zeit schon einen Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>The request could not be completed: {error}</source>
            <translation>Die Anfrage konnte nicht ausgeführt werden: {error}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>This session cannot be changed</source>
            <translation>Dieser Termin kann nicht geändert werden</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Thu</source>
            <translation>Do</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Thursday</source>
            <translation>Donnerstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Tue</source>
            <translation>Di</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Tuesday</source>
            <translation>Dienstag</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Use Find next free slots to see what is still free.</source>
            <translation>Nutzen Sie „Nächste freie Termine suchen“, um zu sehen, was noch frei ist.</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>WARN</source>
            <translation>WARN</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Wed</source>
            <translation>Mi</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Wednesday</source>
            <translation>Mittwoch</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Why: {labels}</source>
            <translation>Warum: {labels}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>Your session has ended</source>
            <translation>Ihre Sitzung ist beendet</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>arrived</source>
            <translation>angekommen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>booked</source>
            <translation>gebucht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>born {day}, {age} years</source>
            <translation>geb. {day}, {age} Jahre</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>cancelled</source>
            <translation>abgesagt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>cannot be booked</source>
            <translation>nicht buchbar</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>chair</source>
            <translation>Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>clinic policy, no source fixes the number</source>
            <translation>Praxisregel, keine Quelle legt die Zahl fest</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>completed</source>
            <translation>abgeschlossen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date</source>
            <translation>Datum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date and time</source>
            <translation>Datum und Uhrzeit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>date of birth</source>
            <translation>Geburtsdatum</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>done</source>
            <translation>erledigt</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>drug</source>
            <translation>Wirkstoff</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>drug label / SmPC</source>
            <translation>Fachinformation / SmPC</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>folder</source>
            <translation>Ordner</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>for information</source>
            <translation>zur Information</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>in chair</source>
            <translation>im Stuhl</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>interval</source>
            <translation>Intervall</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/day_grid/day_grid_model.py" />
            <source>lab</source>
            <translation>Labor</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>label</source>
            <translation>Fachinformation</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>name</source>
            <translation>Name</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>needs a clinical override</source>
            <translation>erfordert eine klinische Übersteuerung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>next dose not before {day}</source>
            <translation>nächste Dosis nicht vor {day}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>no-show</source>
            <translation>nicht erschienen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>notes</source>
            <translation>Notizen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>number of doses</source>
            <translation>Anzahl der Gaben</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>ongoing since</source>
            <translation>laufend seit</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>outside exposures</source>
            <translation>externe Expositionen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>override reason</source>
            <translation>Übersteuerungsgrund</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>paper</source>
            <translation>Publikation</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>paper or abstract</source>
            <translation>Publikation oder Abstract</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>patient</source>
            <translation>Patient</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>phone</source>
            <translation>Telefon</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>policy</source>
            <translation>Praxisregel</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber</source>
            <translation>Verordner</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber consulted</source>
            <translation>konsultierter Verordner</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber's contact</source>
            <translation>Kontakt des Verordners</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>prescriber's practice</source>
            <translation>Praxis des Verordners</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>reason</source>
            <translation>Grund</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>secondary</source>
            <translation>Sekundärquelle</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>secondary summary</source>
            <translation>Sekundärzusammenfassung</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>session</source>
            <translation>Termin</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>sex</source>
            <translation>Geschlecht</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>therapy</source>
            <translation>Therapie</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>warning, can be booked</source>
            <translation>Warnung, buchbar</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>where given</source>
            <translation>Verabreichungsort</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due in 1 day, on {day}</source>
            <translation>{drug}: fällig in 1 Tag, am {day}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due in {n} days, on {day}</source>
            <translation>{drug}: fällig in {n} Tagen, am {day}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: due since {day}; last dose {last}</source>
            <translation>{drug}: fällig seit {day}; letzte Dosis {last}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: next dose booked for {day}</source>
            <translation>{drug}: nächste Dosis gebucht für {day}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{drug}: overdue since {day}; last dose {last}</source>
            <translation>{drug}: überfällig seit {day}; letzte Dosis {last}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} notes</source>
            <translation>{n} Hinweise</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} safety findings open</source>
            <translation>{n} Sicherheitsbefunde offen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} safety findings overridden</source>
            <translation>{n} Sicherheitsbefunde übersteuert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{n} warnings</source>
            <translation>{n} Warnungen</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity} overridden</source>
            <translation>{severity} übersteuert</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity}: {message}</source>
            <translation>{severity}: {message}</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{severity}: {message} (rule {rule})</source>
            <translation>{severity}: {message} (Regel {rule})</translation>
        </message>
        <message>
            <location filename="clinic_app/gui/wording.py" />
            <source>{therapy}, {start}-{end}, {chair}</source>
            <translation>{therapy}, {start}-{end}, {chair}</translation>
        </message>
    </context>
    <context>
        <name>run_gui</name>
        <message>
            <location filename="clinic_app/app.py" />
            <source>The clinic server at %1 could not be reached:
%2</source>
            <translation>Der Klinikserver unter %1 ist nicht erreichbar:
%2</translation>
        </message>
        <message>
            <location filename="clinic_app/app.py" />
            <source>The database could not be opened:
%1</source>
            <translation>Die Datenbank konnte nicht geöffnet werden:
%1</translation>
        </message>
        <message>
            <location filename="clinic_app/app.py" />
            <source>clinic_app</source>
            <translation>clinic_app</translation>
        </message>
    </context>
</TS>
