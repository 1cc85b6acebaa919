using System.Text;
using QRCoder;

namespace TalentPass.BrowserTests.Codes;

/// <summary>
/// A fake camera for Chromium (<c>--use-file-for-fake-video-capture</c>): one YUV4MPEG2 (Y4M, 4:2:0) frame that
/// Chromium loops. The picture is a QR code (ECC M, as the server renders it) drawn from QRCoder's module matrix,
/// dark modules black on white, centred on a light-grey background like a phone held in front of a counter camera.
/// </summary>
internal static class FakeCamera
{
    public const int Width = 640;
    public const int Height = 480;

    /// <summary>The Chromium flags that turn the file into the only camera and grant camera permission without asking.</summary>
    public static string[] ChromiumArgs(string y4mPath) =>
    [
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        "--use-file-for-fake-video-capture=" + y4mPath,
    ];

    /// <summary>Writes a frame showing <paramref name="text"/> as a QR code.</summary>
    public static void WriteQr(string path, string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone
        var modules = matrix.Count;
        var scale = Math.Min(Width, Height) * 9 / 10 / modules;
        if (scale < 3)
        {
            throw new InvalidOperationException($"A QR code of {modules} modules does not fit a {Width}×{Height} frame at 3 px per module.");
        }

        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)200);
        var size = modules * scale;
        var left = (Width - size) / 2;
        var top = (Height - size) / 2;
        for (var y = 0; y < size; y++)
        {
            var row = matrix[y / scale];
            for (var x = 0; x < size; x++)
            {
                luma[((top + y) * Width) + left + x] = row[x / scale] ? (byte)16 : (byte)235;
            }
        }

        Write(path, luma);
    }

    /// <summary>Writes a plain grey frame (nothing to decode), e.g. before the code to show is known.</summary>
    public static void WriteBlank(string path)
    {
        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)128);
        Write(path, luma);
    }

    private static void Write(string path, byte[] luma)
    {
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128); // no colour
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            file.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n"));
            file.Write("FRAME\n"u8);
            file.Write(luma);
            file.Write(chroma); // U
            file.Write(chroma); // V
        }

        File.Move(temp, path, overwrite: true);
    }
}
