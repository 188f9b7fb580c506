class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

def walk(node, depth=0):
    yield "  " * depth + str(node.value)
    for child in node.children:
        yield from walk(child, depth + 1)

tree = Node(1, [Node(2, [Node(4), Node(5)]), Node(3, [Node(6)])])
for line in walk(tree):
    print(line)
