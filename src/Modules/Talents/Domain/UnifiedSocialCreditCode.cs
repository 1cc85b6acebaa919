using TalentPass.SharedKernel;

namespace TalentPass.Modules.Talents.Domain;

/// <summary>
/// A unified social credit code 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation
/// category (1), administrative division (6 digits), organisation code (9) and a check character computed
/// modulo 31 over the 31-character alphabet without I, O, Z, S and V.
/// </summary>
internal sealed record UnifiedSocialCreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private const string RegistrationAuthorities = "123456789ANY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private UnifiedSocialCreditCode(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Parses and validates; lower case is accepted and normalised, surrounding spaces are trimmed.</summary>
    public static Result<UnifiedSocialCreditCode> Parse(string? input)
    {
        var value = input?.Trim().ToUpperInvariant() ?? string.Empty;
        if (value.Length != 18)
        {
            return Error.Validation("credit_code.length", "统一社会信用代码应为18位 / A unified social credit code has 18 characters.");
        }

        foreach (var c in value)
        {
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
            {
                return Error.Validation("credit_code.format", "统一社会信用代码含有无效字符 / The unified social credit code contains a character that is not allowed.");
            }
        }

        if (!RegistrationAuthorities.Contains(value[0], StringComparison.Ordinal))
        {
            return Error.Validation("credit_code.format", "统一社会信用代码登记管理部门代码无效 / The registration authority code is not valid.");
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(value[i]))
            {
                return Error.Validation("credit_code.format", "统一社会信用代码行政区划码应为数字 / The administrative division code must be digits.");
            }
        }

        if (CheckCharacter(value.AsSpan(0, 17)) != value[17])
        {
            return Error.Validation("credit_code.check_character", "统一社会信用代码校验位错误 / The check character of the unified social credit code is wrong.");
        }

        return new UnifiedSocialCreditCode(value);
    }

    /// <summary>The GB 32100 check character for the first 17 characters (which must be in the alphabet).</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Seventeen characters are required.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var index = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (index < 0)
            {
                throw new ArgumentException("A character is outside the GB 32100 alphabet.", nameof(first17));
            }

            sum += index * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }
}
