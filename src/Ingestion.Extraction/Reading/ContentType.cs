namespace IdmPlatform.Ingestion.Extraction.Reading;

/// <summary>A content type split into its media type and charset: "text/html; charset=windows-1252".</summary>
internal readonly record struct ContentType(string MediaType, string? Charset)
{
    public static ContentType Parse(string? value)
    {
        var parts = (value ?? string.Empty).Split(';');
        string? charset = null;
        foreach (var parameter in parts.Skip(1))
        {
            var pair = parameter.Split('=', 2);
            if (pair.Length == 2 && pair[0].Trim().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                charset = pair[1].Trim().Trim('"', '\'');
            }
        }

        return new ContentType(parts[0].Trim().ToLowerInvariant(), string.IsNullOrEmpty(charset) ? null : charset);
    }
}
