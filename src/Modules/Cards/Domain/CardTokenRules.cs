namespace TalentPass.Modules.Cards.Domain;

/// <summary>
/// What a partner may report: an opaque card token (never the card number) and exactly four last digits. A token
/// that looks like a primary account number — 12 to 19 digits once spaces and dashes are removed, or a run of 12 to
/// 19 digits inside it that passes the Luhn check — is refused, so a full card number can never be stored by mistake.
/// </summary>
internal static class CardTokenRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public enum Verdict
    {
        Ok,
        Invalid,
        LooksLikeCardNumber,
    }

    public static Verdict Check(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Verdict.Invalid;
        }

        if (LooksLikeCardNumber(token))
        {
            return Verdict.LooksLikeCardNumber;
        }

        if (token.Length is < MinLength or > MaxLength)
        {
            return Verdict.Invalid;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            {
                return Verdict.Invalid;
            }
        }

        return Verdict.Ok;
    }

    public static bool LooksLikeCardNumber(string value)
    {
        var digits = new System.Text.StringBuilder(value.Length);
        var onlyDigitsAndSeparators = true;
        foreach (var c in value)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Append(c);
            }
            else if (c is not (' ' or '-'))
            {
                onlyDigitsAndSeparators = false;
            }
        }

        if (onlyDigitsAndSeparators && digits.Length is >= 12 and <= 19)
        {
            return true;
        }

        // An embedded run of digits (e.g. "tok_6222021234567890123") that passes the Luhn check.
        var run = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsAsciiDigit(value[i]))
            {
                run++;
                continue;
            }

            if (run is >= 12 and <= 19 && Luhn(value.AsSpan(i - run, run)))
            {
                return true;
            }

            run = 0;
        }

        return false;
    }

    public static bool IsLast4(string? value) => value is { Length: 4 } && value.All(char.IsAsciiDigit);

    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            doubleIt = !doubleIt;
        }

        return sum % 10 == 0;
    }
}
