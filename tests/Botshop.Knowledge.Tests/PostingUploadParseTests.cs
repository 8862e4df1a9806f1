using Botshop.Knowledge.Postings;

namespace Botshop.Knowledge.Tests;

/// <summary>An uploaded document is read exactly as the same file in data/postings would be.</summary>
public sealed class PostingUploadParseTests
{
    [Fact]
    public void Upload_parses_like_the_file_in_the_data_folder_and_keeps_its_source()
    {
        foreach (var path in Directory.EnumerateFiles(Path.Combine(TestData.Folder, "postings")).Where(p => !p.EndsWith(".meta.yaml")))
        {
            var fromFile = PostingLoader.LoadFile(path);

            var uploaded = PostingLoader.FromUpload("C:\\Users\\ana\\Downloads\\" + Path.GetFileName(path), File.ReadAllText(path),
                new PostingMetadata { Title = fromFile.Title, Locations = fromFile.Locations.ToList() });

            Assert.Equal(fromFile.Id, uploaded.Id);
            Assert.Equal(fromFile.Passages, uploaded.Passages);
            Assert.Equal(fromFile.ContentHash, uploaded.ContentHash);
            Assert.Equal(fromFile.Source, uploaded.Source);
        }
    }

    [Fact]
    public void Upload_name_is_normalised_to_the_posting_id_and_lower_case_extension()
    {
        var posting = PostingLoader.FromUpload("Senior Widget Engineer (2027).TXT", "Senior Widget Engineer\n\nYou will build widgets every day.");

        Assert.Equal("senior-widget-engineer-2027", posting.Id);
        Assert.Equal("senior-widget-engineer-2027.txt", posting.Source!.FileName);
    }

    [Theory]
    [InlineData("posting.docx", "text", "HTML or text")]
    [InlineData("posting", "text", "HTML or text")]
    [InlineData("---.html", "<p>Text here.</p>", "file name")]
    [InlineData("empty.txt", " \r\n ", "empty")]
    [InlineData("chrome.html", "<html><body><nav>Jobs</nav><script>x()</script></body></html>", "no text found")]
    public void Unusable_upload_is_refused_with_the_reason(string fileName, string content, string reason)
    {
        var error = Assert.Throws<KnowledgeDataException>(() => PostingLoader.FromUpload(fileName, content));

        Assert.Contains(reason, error.Message);
    }
}
