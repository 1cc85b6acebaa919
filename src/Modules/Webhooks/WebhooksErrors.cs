using TalentPass.SharedKernel;

namespace TalentPass.Modules.Webhooks;

/// <summary>The stable error codes of the Webhooks module.</summary>
internal static class WebhooksErrors
{
    public static readonly Error NotPartner =
        Error.Forbidden("webhooks.not_partner", "只有合作机构账号可以管理回调地址 / Only a partner's account can manage its webhook endpoint.");

    public static readonly Error EndpointNotFound =
        Error.NotFound("webhooks.endpoint_not_found", "尚未配置回调地址 / No webhook endpoint is configured.");

    public static readonly Error UrlInvalid =
        Error.Validation(
            "webhooks.url_invalid",
            "回调地址必须是不含用户名密码的 http(s) 地址 / The endpoint must be an http(s) URL without credentials.",
            new Dictionary<string, string[]> { ["url"] = ["必须是 http(s) 地址 / Must be an http(s) URL."] });

    public static readonly Error UrlNotAllowed =
        Error.Validation(
            "webhooks.url_not_allowed",
            "回调地址解析到内部或保留地址，或无法解析 / The endpoint's host resolves to an internal or reserved address, or does not resolve.",
            new Dictionary<string, string[]> { ["url"] = ["不允许的目标地址 / Destination not allowed."] });

    public static readonly Error VersionConflict =
        Error.Conflict("webhooks.version_conflict", "回调配置已被他人修改，请刷新后重试 / The endpoint was changed meanwhile; reload and retry.");

    public static readonly Error DeliveryNotFound =
        Error.NotFound("webhooks.delivery_not_found", "没有该推送记录 / No such delivery.");

    public static readonly Error NotRedeliverable =
        Error.Conflict("webhooks.not_redeliverable", "只有失败的推送可以重新投递 / Only a failed delivery can be redelivered.");
}
