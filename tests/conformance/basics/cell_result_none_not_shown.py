print("printed")
None
