"abc"
'single'
"tab\there"
"quote\"inside"
'back\\slash'
"\x41\101"
"\u00e9\U{1F600}"
r"(raw \string)"
R"[with "quotes"]"
r"-(dash)-"
