using System.Globalization;

namespace TalentPass.Modules.Ledger.Features.Tiles;

/// <summary>
/// A C2SP tlog-tiles path below <c>tile/</c>: <c>&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or <c>entries/&lt;N&gt;[.p/&lt;W&gt;]</c>,
/// N written in 3-digit groups, all but the last prefixed with <c>x</c> (<c>x001/x234/067</c>).
/// </summary>
internal readonly record struct TilePath(int? Level, long Index, int? PartialWidth)
{
    public bool IsEntries => Level is null;

    public static bool TryParse(string? path, out TilePath tile)
    {
        tile = default;
        if (string.IsNullOrEmpty(path))
        {
            return false;
        }

        var segments = path.Split('/');
        int? level;
        if (segments[0] == "entries")
        {
            level = null;
        }
        else if (segments[0].Length is > 0 and <= 2 && segments[0].All(char.IsAsciiDigit) && (segments[0].Length == 1 || segments[0][0] != '0'))
        {
            level = int.Parse(segments[0], CultureInfo.InvariantCulture);
            if (level > 63)
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        int? width = null;
        var end = segments.Length;
        if (end >= 3 && segments[end - 2].EndsWith(".p", StringComparison.Ordinal))
        {
            var w = segments[end - 1];
            if (w.Length is 0 or > 3 || !w.All(char.IsAsciiDigit) || w[0] == '0')
            {
                return false;
            }

            width = int.Parse(w, CultureInfo.InvariantCulture);
            if (width is < 1 or > 255)
            {
                return false;
            }

            segments[end - 2] = segments[end - 2][..^2];
            end--;
        }

        if (end < 2 || end > 8)
        {
            return false;
        }

        long index = 0;
        for (var i = 1; i < end; i++)
        {
            var part = segments[i];
            var last = i == end - 1;
            if (!last)
            {
                if (part.Length != 4 || part[0] != 'x')
                {
                    return false;
                }

                part = part[1..];
            }

            if (part.Length != 3 || !part.All(char.IsAsciiDigit))
            {
                return false;
            }

            index = checked((index * 1000) + int.Parse(part, CultureInfo.InvariantCulture));
        }

        // Canonical form only: no leading x000 groups.
        if (Format(level, index, width) != path)
        {
            return false;
        }

        tile = new TilePath(level, index, width);
        return true;
    }

    public static string Format(int? level, long index, int? width)
    {
        var groups = new List<string>();
        var n = index;
        do
        {
            groups.Add((n % 1000).ToString("D3", CultureInfo.InvariantCulture));
            n /= 1000;
        }
        while (n > 0);
        groups.Reverse();
        var encoded = string.Join('/', groups.Take(groups.Count - 1).Select(g => "x" + g).Append(groups[^1]));
        var head = level is null ? "entries" : level.Value.ToString(CultureInfo.InvariantCulture);
        return head + "/" + encoded + (width is null ? string.Empty : ".p/" + width.Value.ToString(CultureInfo.InvariantCulture));
    }
}
