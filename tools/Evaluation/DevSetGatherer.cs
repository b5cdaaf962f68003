using System.Text;
using IdmPlatform.Ingestion.Extraction.Reading;

namespace IdmPlatform.Evaluation;

/// <summary>
/// Gathers a development set's pages again: downloads each address in pages.tsv, keeps the page's text the way the
/// reading stage keeps it (navigation and all), cuts it to the length that was labelled, and writes it with the
/// labels into a folder the evaluation can read. Third-party texts live only there, never in the repository.
/// </summary>
public static class DevSetGatherer
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: IdmPlatform.Evaluation gather PAGES.TSV LABELS.JSONL OUTPUT-FOLDER");
            return 2;
        }

        var (pagesPath, labelsPath, output) = (args[0], args[1], args[2]);
        Directory.CreateDirectory(output);
        File.Copy(labelsPath, Path.Combine(output, "labels.jsonl"), overwrite: true);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("IdmPlatform-DevSet-Gatherer/1.0");
        var (fetched, failed) = (0, 0);
        foreach (var line in File.ReadLines(pagesPath).Skip(1).Where(l => l.Trim().Length > 0))
        {
            var columns = line.Split('\t');
            var (id, url) = (columns[0], columns[1]);
            var labelledLength = columns.Length > 3 && int.TryParse(columns[3], out var n) ? n : int.MaxValue;
            try
            {
                using var response = await http.GetAsync(new Uri(url));
                response.EnsureSuccessStatusCode();
                var bytes = await response.Content.ReadAsByteArrayAsync();
                var contentType = response.Content.Headers.ContentType?.MediaType ?? DocumentReader.Html;
                var text = DocumentReader.SupportedContentTypes.Contains(contentType) ? DocumentReader.Default.Read(bytes, contentType).Text : Encoding.UTF8.GetString(bytes);
                await File.WriteAllTextAsync(Path.Combine(output, $"{id}.txt"), Cut(text, labelledLength));
                fetched++;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                failed++;
                Console.Error.WriteLine($"{id}: could not fetch {url} ({ex.Message})");
            }
        }

        Console.WriteLine($"Gathered {fetched} pages into {output}; {failed} could not be fetched.");
        if (fetched == 0)
        {
            Console.Error.WriteLine("No page could be fetched: the network is unreachable from here. The labelled texts were taken from stored copies of these pages (see tools/Evaluation/DevSet/README.md).");
            return 3;
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>The labels describe the page's opening; keep that much, ending at a line break.</summary>
    private static string Cut(string text, int length)
    {
        if (text.Length <= length)
        {
            return text;
        }

        var end = text.LastIndexOf('\n', length);
        return text[..(end > length / 2 ? end : length)];
    }
}
