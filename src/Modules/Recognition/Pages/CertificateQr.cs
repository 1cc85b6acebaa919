using QRCoder;

namespace TalentPass.Modules.Recognition.Pages;

/// <summary>The certificate's QR code (SVG) pointing at the public verification page.</summary>
internal static class CertificateQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        using var svg = new SvgQRCode(data);
        return svg.GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
