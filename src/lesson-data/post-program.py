import math


def sigmoid(z):
    return 1 / (1 + math.exp(-z))


def slope(z):
    s = sigmoid(z)
    return s * (1 - s)


def measure_decay(depth=4, w=0.1, x=1.0):
    # Forward pass, from layer 1 up: z = w * (output below).
    a, z = [x], [None]
    for k in range(1, depth + 1):
        z.append(w * a[k - 1])
        a.append(sigmoid(z[k]))
    print("Forward pass:")
    for k in range(1, depth + 1):
        zk, ak, dk = z[k], a[k], slope(z[k])
        print(f"  Layer {k}: z={zk:.4f}  σ(z)={ak:.4f}"
              f"  σ'(z)={dk:.4f}")

    # Backward, as the post's table counts: 1 at the top layer,
    # then each step down multiplies by w times the slope of the
    # layer ABOVE (the post's loop used each layer's own slope,
    # one factor too many).
    g = [0.0] * (depth + 1)
    g[depth] = 1.0
    for k in range(depth - 1, 0, -1):
        g[k] = g[k + 1] * w * slope(z[k + 1])
    print(f"\nBackward pass (∂a{depth}/∂ak at each layer):")
    for k in range(1, depth + 1):
        print(f"  Layer {k}: {g[k]:.2e}")
    ratio = g[depth] / g[1]
    print(f"\nRatio layer {depth} / layer 1: {ratio:,.0f}x")


measure_decay()
