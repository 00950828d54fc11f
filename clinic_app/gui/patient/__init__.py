"""The patient screen: the patient record dialog, exposures, timeline and finding a patient."""
