print("geo287")
