class Animal:
    sound = "..."

    def __init__(self, name):
        self.name = name

    def speak(self):
        return f"{self.name} says {self.sound}"

class Dog(Animal):
    sound = "woof"

    def __init__(self, name, trick):
        super().__init__(name)
        self.trick = trick

    def speak(self):
        return super().speak() + f" and does {self.trick}"

class Puppy(Dog):
    def speak(self):
        return "small " + super().speak()

d = Puppy("rex", "roll")
print(d.speak())
print(isinstance(d, Animal), issubclass(Puppy, Dog), issubclass(Dog, Puppy))
print(Animal("cat").speak())
