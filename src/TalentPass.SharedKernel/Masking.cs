namespace TalentPass.SharedKernel;

/// <summary>
/// Display masks for personal data (DESIGN.md: 张*明, 4101**********1234). Masking works on text elements so
/// that names in any script are masked by character, not by byte.
/// </summary>
public static class Masking
{
    /// <summary>张三 → 张*, 张三明 → 张*明, 欧阳小明 → 欧**明, John Smith → J********h.</summary>
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var chars = System.Globalization.StringInfo.GetTextElementEnumerator(name.Trim());
        var elements = new List<string>();
        while (chars.MoveNext())
        {
            elements.Add((string)chars.Current);
        }

        return elements.Count switch
        {
            1 => "*",
            2 => elements[0] + "*",
            _ => elements[0] + new string('*', elements.Count - 2) + elements[^1],
        };
    }

    /// <summary>410105199001011234 → 4101**********1234.</summary>
    public static string IdNumber(string? idNumber)
    {
        if (string.IsNullOrEmpty(idNumber))
        {
            return string.Empty;
        }

        return idNumber.Length <= 8
            ? new string('*', idNumber.Length)
            : string.Concat(idNumber.AsSpan(0, 4), new string('*', idNumber.Length - 8), idNumber.AsSpan(idNumber.Length - 4));
    }

    /// <summary>13812345678 → 138****5678.</summary>
    public static string Phone(string? phone)
    {
        if (string.IsNullOrEmpty(phone))
        {
            return string.Empty;
        }

        return phone.Length <= 7
            ? new string('*', phone.Length)
            : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
    }

    /// <summary>Keeps the first six characters of an address (province/city/district level) and hides the rest.</summary>
    public static string Address(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return string.Empty;
        }

        return address.Length <= 6 ? address : string.Concat(address.AsSpan(0, 6), "****");
    }
}
