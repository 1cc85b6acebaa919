using System.Globalization;
using TalentPass.SharedKernel;

namespace TalentPass.IntegrationTests.DataSharing;

/// <summary>
/// Valid, run-unique resident ID numbers that select a data-sharing stand-in case by their sequence code
/// (docs/data-sharing.md, "Stand-in demo records"). Births in 1955–1959 collide with neither the demo seed nor
/// <c>TalentsApi.NewIdNumber</c>.
/// </summary>
public static class DemoIdNumbers
{
    private static int counter;

    /// <summary>Found everywhere (a master's degree, no business registration).</summary>
    public static string Ordinary() => New('5', '4');

    public static string NotFoundAnywhere() => New('0', '0');

    public static string LeftTheArea() => New('0', '1');

    public static string NoSocialInsurance() => New('0', '2');

    public static string Garbage() => New('0', '5');

    public static string SchemaMismatch() => New('0', '6');

    public static string Unavailable() => New('0', '7');

    public static string Slow() => New('0', '8');

    /// <summary>A number whose sequence code starts with <paramref name="first"/><paramref name="second"/>.</summary>
    public static string New(char first, char second)
    {
        var n = Interlocked.Increment(ref counter);
        var birth = new DateOnly(1955, 1, 1).AddDays(n / 10);
        var body = string.Create(CultureInfo.InvariantCulture, $"410184{birth:yyyyMMdd}{first}{second}{n % 10}");
        return body + ResidentIdNumber.CheckCharacter(body);
    }
}
