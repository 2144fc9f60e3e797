"""The caseload home: the first screen, listing what is due across the cases with a jump to each."""
