"""The line reader: a fully convolutional CTC model that reads a line of handwritten digits
(touching, overlapping, with separators) without cutting it first. See training/README.md."""
