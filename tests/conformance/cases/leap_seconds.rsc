print(length(.leap.seconds))
print(.leap.seconds[1:3])
print(format(.leap.seconds[27], "%Y-%m-%d"))
