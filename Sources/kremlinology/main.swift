print("kremlinology")
