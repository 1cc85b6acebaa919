using System.Globalization;

namespace TalentPass.SharedKernel;

/// <summary>
/// An 18-character resident identity number of the People's Republic of China (GB 11643-1999):
/// 6-digit address code, 8-digit birth date, 3-digit sequence (odd for men, even for women) and an
/// ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public sealed record ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    // GB/T 2260 province-level codes (81/82: Hong Kong/Macao, 83: Taiwan residence permits).
    private static readonly HashSet<string> ProvinceCodes =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82", "83",
    ];

    private ResidentIdNumber(string value, DateOnly birthDate, bool isMale)
    {
        Value = value;
        BirthDate = birthDate;
        IsMale = isMale;
    }

    public string Value { get; }

    public DateOnly BirthDate { get; }

    public bool IsMale { get; }

    /// <summary>The last four characters, kept in clear for staff search by "masked ID suffix".</summary>
    public string Suffix => Value[^4..];

    public string Masked => Masking.IdNumber(Value);

    public override string ToString() => Masked;

    /// <summary>Parses and validates; lower-case x is accepted and normalised to X, surrounding spaces are trimmed.</summary>
    public static Result<ResidentIdNumber> Parse(string? input)
    {
        var value = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length != 18)
        {
            return Error.Validation("identity_number.length", "居民身份证号码应为18位 / A resident ID number has 18 characters.");
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return Error.Validation("identity_number.format", "身份证号码前17位应为数字 / The first 17 characters must be digits.");
            }
        }

        if (!char.IsAsciiDigit(value[17]) && value[17] != 'X')
        {
            return Error.Validation("identity_number.format", "身份证号码最后一位应为数字或X / The last character must be a digit or X.");
        }

        if (!ProvinceCodes.Contains(value[..2]))
        {
            return Error.Validation("identity_number.region", "身份证号码地址码无效 / The address code is not valid.");
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return Error.Validation("identity_number.birth_date", "身份证号码中的出生日期无效 / The birth date in the ID number is not valid.");
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            return Error.Validation("identity_number.check_digit", "身份证号码校验位错误 / The check digit of the ID number is wrong.");
        }

        var isMale = (value[16] - '0') % 2 == 1;
        return new ResidentIdNumber(value, birth, isMale);
    }

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen digits are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }
}
