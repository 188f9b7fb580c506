"it's a string"
