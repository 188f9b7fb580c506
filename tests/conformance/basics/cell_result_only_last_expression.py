1 + 1
"not shown"
[3, 2, 1]
