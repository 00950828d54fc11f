"""The nurses' results list (rules file, section 7): its window, model and dialogs."""
