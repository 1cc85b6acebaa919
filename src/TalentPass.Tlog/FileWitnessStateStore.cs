using System.Security.Cryptography;
using System.Text;

namespace TalentPass.Tlog;

/// <summary>
/// Witness state in a directory: one file per log origin (<c>&lt;sha256(origin) hex&gt;.checkpoint</c>, holding the last
/// cosigned checkpoint note). Writes are atomic and durable: write a temporary file, fsync it, rename it over the old
/// one, fsync the directory. An exclusive <c>witness.lock</c> file keeps a second witness process off the directory.
/// </summary>
public sealed class FileWitnessStateStore : IWitnessStateStore, IDisposable
{
    private readonly string _directory;
    private readonly FileStream _lock;

    /// <summary>Opens (creating if needed) the state directory and takes its lock; throws <see cref="IOException"/> if another process holds it.</summary>
    public FileWitnessStateStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(_directory);
        _lock = new FileStream(Path.Combine(_directory, "witness.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
    }

    /// <inheritdoc />
    public WitnessState? Read(string origin)
    {
        var path = PathFor(origin);
        if (!File.Exists(path))
        {
            return null;
        }
        var text = File.ReadAllText(path, Encoding.UTF8);
        if (!SignedNote.TryParse(text, out var note, out var error) || !Checkpoint.TryParse(note.Text, out var checkpoint, out error) || checkpoint.Origin != origin)
        {
            throw new InvalidDataException($"Witness state file {path} is corrupt: {error}");
        }
        return new WitnessState(checkpoint.Size, checkpoint.RootHash, text);
    }

    /// <inheritdoc />
    public void Write(string origin, WitnessState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var path = PathFor(origin);
        var temp = path + "." + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)) + ".tmp";
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(Encoding.UTF8.GetBytes(state.CheckpointNote));
            stream.Flush(flushToDisk: true);
        }
        File.Move(temp, path, overwrite: true);
        SyncDirectory();
    }

    /// <inheritdoc />
    public void Dispose() => _lock.Dispose();

    private string PathFor(string origin) =>
        Path.Combine(_directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(origin))) + ".checkpoint");

    private void SyncDirectory()
    {
        // fsync the directory so the rename itself survives a crash (.NET cannot open a directory as a file).
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }
        var fd = NativeMethods.open(_directory, 0);
        if (fd < 0)
        {
            return;
        }
        _ = NativeMethods.fsync(fd);
        _ = NativeMethods.close(fd);
    }

    private static class NativeMethods
    {
        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true, CharSet = System.Runtime.InteropServices.CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
#pragma warning disable CA1401, SYSLIB1054, IDE1006 // libc names; plain DllImport keeps the library free of unsafe code.
        internal static extern int open(string path, int flags);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        internal static extern int fsync(int fd);

        [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
        [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
        internal static extern int close(int fd);
#pragma warning restore CA1401, SYSLIB1054, IDE1006
    }
}
