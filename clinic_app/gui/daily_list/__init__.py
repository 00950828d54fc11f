"""The daily list screen: the day's sessions as a printable list, its window and model."""
