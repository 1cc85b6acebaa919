namespace TalentPass.Web.Hosting;

/// <summary>The deployment's city: data, not code (nothing may be hard-wired to the first city).</summary>
public sealed class CityOptions
{
    public const string Section = "City";

    public string Name { get; set; } = "TalentPass";

    public string NameEn { get; set; } = "TalentPass";
}
