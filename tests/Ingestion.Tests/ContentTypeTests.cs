using IdmPlatform.Ingestion.Jobs;

namespace IdmPlatform.Ingestion.Tests;

/// <summary>The charset travels with the stored content type; only the 415 check looks at the media type alone.</summary>
public sealed class ContentTypeTests
{
    [Theory]
    [InlineData("text/html; charset=windows-1252", "text/html")]
    [InlineData("Text/Plain;charset=ISO-8859-1", "text/plain")]
    [InlineData("application/pdf", "application/pdf")]
    public void The_type_check_sees_the_media_type_alone(string contentType, string mediaType) =>
        Assert.Equal(mediaType, DocumentSubmission.NormaliseContentType(contentType));

    [Theory]
    [InlineData("text/html; charset=windows-1252", "text/html; charset=utf-8")]
    [InlineData("text/html", "text/html; charset=utf-8")]
    [InlineData("text/markdown; variant=GFM; Charset=\"latin1\"", "text/markdown; variant=GFM; charset=utf-8")]
    [InlineData("application/pdf", "application/pdf")]
    public void Text_received_as_a_string_and_stored_as_UTF_8_says_so(string declared, string stored) =>
        Assert.Equal(stored, DocumentSubmission.AsUtf8(declared));
}
