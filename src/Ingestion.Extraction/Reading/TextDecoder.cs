using System.Text;
using System.Text.RegularExpressions;

namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>
/// Bytes to text: a byte order mark first (it cannot lie), then the declared charset, then (for HTML) a meta
/// charset in the first 1024 bytes, then UTF-8 if the bytes are valid UTF-8, else Windows-1252.
/// </summary>
internal static partial class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static string Decode(ReadOnlySpan<byte> bytes, string? declaredCharset, bool sniffHtmlMeta = false)
    {
        var encoding = FromBom(bytes, out var bomLength)
            ?? Lookup(declaredCharset)
            ?? (sniffHtmlMeta ? Lookup(MetaCharset(bytes)) : null);
        var body = bytes[bomLength..];
        if (encoding is not null)
        {
            return encoding.GetString(body);
        }

        try
        {
            return StrictUtf8.GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(body);
        }
    }

    /// <summary>
    /// The encoding a label names. Latin-1 and ASCII labels read as Windows-1252, as browsers do: it is a superset
    /// for every printable character, and pages labelled ISO-8859-1 often use its curly quotes (0x93/0x94).
    /// </summary>
    private static Encoding? Lookup(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        var name = label.Trim().ToLowerInvariant();
        if (name is "iso-8859-1" or "iso8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "cp1252" or "iso_8859-1")
        {
            return Windows1252;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException)
        {
            return null; // An unknown label is ignored, and the bytes are sniffed instead.
        }
    }

    private static Encoding? FromBom(ReadOnlySpan<byte> bytes, out int length)
    {
        (Encoding? encoding, length) = bytes switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
            [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
            [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
            _ => ((Encoding?)null, 0),
        };
        return encoding;
    }

    private static string? MetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var match = MetaCharsetPattern().Match(head);
        return match.Success ? match.Groups["charset"].Value : null;
    }

    // <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">.
    [GeneratedRegex("""<meta[^>]+charset\s*=\s*["']?(?<charset>[\w:.-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MetaCharsetPattern();
}
