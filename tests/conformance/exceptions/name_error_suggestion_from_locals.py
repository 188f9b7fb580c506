def area(width, height):
    return widht * height

area(2, 3)
