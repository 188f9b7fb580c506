message = "hello
