using System.Runtime.CompilerServices;

// Stack buffers (Base45 output, Sig_structure, code hash input) are always fully written before they are read.
[module: SkipLocalsInit]
