namespace TalentPass.Infrastructure.Persistence;

/// <summary>
/// Where relative data paths (<c>data/talentpass.db</c>, <c>data/keys/…</c>) point. <c>dotnet run</c> starts the
/// web host and the CLI in their own project folders; both must use the same database, so a relative path is
/// resolved against <c>TALENTPASS_HOME</c> if set, else the nearest folder above the current one holding
/// <c>TalentPass.slnx</c> (a checkout), else the current folder (a deployment).
/// </summary>
public static class DataPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RootDirectory => Root.Value;

    public static string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root.Value, path));
    }

    private static string FindRoot()
    {
        var home = Environment.GetEnvironmentVariable("TALENTPASS_HOME");
        if (!string.IsNullOrWhiteSpace(home))
        {
            return Path.GetFullPath(home);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalentPass.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
