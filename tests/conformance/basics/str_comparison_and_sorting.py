print("apple" < "banana", "Zebra" < "apple", "a" < "aa", "abc" == "abc")
print(sorted(["banana", "Apple", "cherry", "apple"]))
print(sorted(["banana", "Apple", "cherry"], key=str.lower))
print(max("hello"), min("hello"))
