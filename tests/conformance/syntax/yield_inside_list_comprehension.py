def gen():
    c = [(yield i) for i in range(2)]
