"""clinic_app: scheduling for an outpatient infusion clinic.

The scheduler is where IV iron and antiresorptive therapy meet: it refuses or flags
conflicting co-therapy and books the lab draws that make co-therapy safe.
"""

__version__ = "0.1.0"
