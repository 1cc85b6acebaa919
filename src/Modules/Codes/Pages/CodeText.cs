using System.Text.Json;
using TalentPass.Ui;

namespace TalentPass.Modules.Codes.Pages;

/// <summary>
/// Display texts of the code pages in the current UI language, for the server-rendered HTML and — as one JSON object
/// embedded in the page — for the page scripts (wwwroot/js), so both say exactly the same words.
/// </summary>
internal static class CodeText
{
    private static readonly string[] Levels = ["a", "b", "c", "d", "e", "youth", "social", "reserve"];
    private static readonly string[] Categories = ["science", "engineering", "medicine", "education", "finance", "culture", "management"];
    private static readonly string[] Outcomes = ["valid", "expired", "invalid_signature", "unknown_key", "suspended", "terminated", "malformed", "undetermined"];

    /// <summary>The right families of the code's compact rights summary (snake_case of the TC1 bits).</summary>
    private static readonly string[] Rights =
        ["medical_green_channel", "schooling", "housing", "vehicle", "consumer", "finance", "government_services", "family_covered"];

    public static string LevelShort(string? level) => level switch
    {
        null or "" => "—",
        "a" or "b" or "c" or "d" or "e" => level.ToUpperInvariant(),
        "youth" => Loc.T("青年", "Youth"),
        "social" => Loc.T("社会化", "Social"),
        "reserve" => Loc.T("储备", "Reserve"),
        _ => level,
    };

    public static string LevelLabel(string? level) => level switch
    {
        null or "" => "—",
        "a" => Loc.T("A类 顶尖人才", "A · Top talent"),
        "b" => Loc.T("B类 国家级领军人才", "B · National leading talent"),
        "c" => Loc.T("C类 地方级领军人才", "C · Local leading talent"),
        "d" => Loc.T("D类 地方突出贡献人才", "D · Local outstanding contributor"),
        "e" => Loc.T("E类 优秀青年人才", "E · Outstanding young talent"),
        "youth" => Loc.T("青年人才", "Youth talent"),
        "social" => Loc.T("社会化人才", "Social talent"),
        "reserve" => Loc.T("储备人才", "Reserve talent"),
        _ => level,
    };

    public static string Category(string? category) => category switch
    {
        null or "" => "—",
        "science" => Loc.T("科学研究", "Science"),
        "engineering" => Loc.T("工程技术", "Engineering"),
        "medicine" => Loc.T("医疗卫生", "Medicine"),
        "education" => Loc.T("教育", "Education"),
        "finance" => Loc.T("金融", "Finance"),
        "culture" => Loc.T("文化", "Culture"),
        "management" => Loc.T("经营管理", "Management"),
        _ => category,
    };

    public static string Right(string right) => right switch
    {
        "medical_green_channel" => Loc.T("就医绿色通道", "Medical green channel"),
        "schooling" => Loc.T("子女入学", "Children's schooling"),
        "housing" => Loc.T("住房保障", "Housing"),
        "vehicle" => Loc.T("车辆与出行", "Vehicles and travel"),
        "consumer" => Loc.T("消费优惠", "Consumer benefits"),
        "finance" => Loc.T("金融服务", "Financial services"),
        "government_services" => Loc.T("政务服务", "Government services"),
        "family_covered" => Loc.T("惠及家属", "Family covered"),
        _ => right,
    };

    /// <summary>Short name of an outcome (tables, badges).</summary>
    public static string Outcome(string? outcome) => outcome switch
    {
        "valid" => Loc.T("有效", "Valid"),
        "expired" => Loc.T("已过期", "Expired"),
        "invalid_signature" => Loc.T("签名无效", "Invalid signature"),
        "unknown_key" => Loc.T("未知签发密钥", "Unknown key"),
        "suspended" => Loc.T("已暂停", "Suspended"),
        "terminated" => Loc.T("已终止", "Terminated"),
        "malformed" => Loc.T("无法识别", "Not a talent code"),
        "undetermined" => Loc.T("无法确定", "Undetermined"),
        _ => Loc.T("未知", "Unknown"),
    };

    /// <summary>What a refusal means, in words a counter clerk can say to the talent.</summary>
    public static string Reason(string? outcome) => outcome switch
    {
        "valid" => Loc.T("人才码有效，可按权益提供服务。", "The talent code is valid: serve the rights below."),
        "expired" => Loc.T("人才码已过期（可能是截图或旧码），请本人刷新人才码后重新出示。", "The code has expired (a screenshot or an old code): ask the talent to refresh it and show it again."),
        "invalid_signature" => Loc.T("人才码签名校验失败，可能被篡改或伪造，请拒绝。", "The code's signature does not verify: it was altered or forged. Refuse it."),
        "unknown_key" => Loc.T("人才码由未知或已失效的密钥签发，请拒绝。", "The code was signed by an unknown or retired key. Refuse it."),
        "suspended" => Loc.T("该人才的资格已被暂停，暂不能享受人才权益。", "This talent's status is suspended: no talent rights for now."),
        "terminated" => Loc.T("该人才的资格已终止，不能享受人才权益。", "This talent's status was terminated: no talent rights."),
        "malformed" => Loc.T("这不是有效的人才码（格式错误或内容不完整），请重新扫描。", "This is not a talent code (wrong format or incomplete): scan again."),
        "undetermined" => Loc.T("暂时无法确定人才码状态，请联网后重试。", "The status cannot be determined right now: try again online."),
        _ => Loc.T("无法核验该人才码。", "The code could not be verified."),
    };

    public static bool IsValid(string? outcome) => outcome == "valid";

    public static string OutcomeBadge(string? outcome) => IsValid(outcome) ? "badge badge-ok" : "badge badge-err";

    /// <summary>An error for display in the current language: bilingual "中文 / English" texts are cut to one language.</summary>
    public static SharedKernel.Error Localise(SharedKernel.Error error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error with
        {
            Message = Message(error.Message),
            Fields = error.Fields?.ToDictionary(f => f.Key, f => f.Value.Select(Message).ToArray(), StringComparer.Ordinal),
        };
    }

    private static string Message(string message)
    {
        var split = message.IndexOf(" / ", StringComparison.Ordinal);
        return split < 0 ? message : Loc.IsEnglish ? message[(split + 3)..] : message[..split];
    }

    /// <summary>The texts the page scripts need, as JSON safe to embed in a &lt;script type="application/json"&gt; element.</summary>
    public static string ScriptTexts(IReadOnlyDictionary<string, object> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var texts = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["locale"] = Loc.IsEnglish ? "en-GB" : "zh-CN",
            ["levels"] = Levels.ToDictionary(l => l, LevelShort, StringComparer.Ordinal),
            ["levelLabels"] = Levels.ToDictionary(l => l, LevelLabel, StringComparer.Ordinal),
            ["categories"] = Categories.ToDictionary(c => c, Category, StringComparer.Ordinal),
            ["rights"] = Rights.ToDictionary(r => r, Right, StringComparer.Ordinal),
            ["outcomes"] = Outcomes.Append("unknown").ToDictionary(o => o, Outcome, StringComparer.Ordinal),
            ["reasons"] = Outcomes.ToDictionary(o => o, Reason, StringComparer.Ordinal),
        };
        foreach (var (key, value) in extra)
        {
            texts[key] = value;
        }

        // The default encoder escapes <, > and & as \u003C…, so the JSON cannot close the script element.
        return JsonSerializer.Serialize(texts);
    }
}
