x = 41
x + 1
# a comment after the last expression
