"""The booking screen: book, move and cancel dialogs, the slot list and the new-patient form."""
