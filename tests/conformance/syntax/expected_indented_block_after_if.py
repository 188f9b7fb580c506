# record: no-script-check (a script is read by the file tokenizer, which puts this error at offset 0)
if True:
