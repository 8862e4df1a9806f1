using Botshop.Core.Privacy;

namespace Botshop.Core.Tests.Privacy;

public class RedactorTests
{
    [Theory]
    // Emails
    [InlineData("Mail me at jane.doe@example.com please", "Mail me at [email] please")]
    [InlineData("jane+jobs@mail.example.co.uk.", "[email].")]
    [InlineData("<j_o-e@sub.domain.io>", "<[email]>")]
    [InlineData("Contact: JOHN.SMITH@Example.ORG, thanks", "Contact: [email], thanks")]
    [InlineData("two: a@b.de and c.d@e.fr", "two: [email] and [email]")]
    [InlineData("élodie.müller@exemple.fr", "[email]")]
    // Phone numbers
    [InlineData("Call +44 20 7946 0958 today", "Call [phone] today")]
    [InlineData("my cell is (415) 555-2671", "my cell is [phone]")]
    [InlineData("415-555-2671", "[phone]")]
    [InlineData("415.555.2671", "[phone]")]
    [InlineData("US: +1 415 555 2671.", "US: [phone].")]
    [InlineData("+1 (415) 555-2671", "[phone]")]
    [InlineData("1-800-555-0199", "[phone]")]
    [InlineData("from abroad 0044 20 7946 0958", "from abroad [phone]")]
    [InlineData("Paris: +33 1 23 45 67 89", "Paris: [phone]")]
    [InlineData("mobile 07700 900123, evenings", "mobile [phone], evenings")]
    [InlineData("Berlin +49 (0)30 1234567", "Berlin [phone]")]
    [InlineData("+4915112345678", "[phone]")]
    [InlineData("+44-7700-900123", "[phone]")]
    [InlineData("(020) 7946 0958", "[phone]")]
    [InlineData("tel:+441234567890", "tel:[phone]")]
    [InlineData("Phone:07700 900123", "Phone:[phone]")]
    [InlineData("+1 212 555 0100 ext. 12", "[phone] ext. 12")]
    [InlineData("020 7946 0958", "[phone]")]
    [InlineData("01 23 45 67 89", "[phone]")]
    // URLs with a query string
    [InlineData("see https://x.com/a?token=abc", "see [url]")]
    [InlineData("see https://x.com/a?token=abc.", "see [url].")]
    [InlineData("(http://jobs.example.com/apply?id=42&user=jane)", "([url])")]
    [InlineData("www.example.com/reset?code=9f8e7d", "[url]")]
    [InlineData("HTTPS://EXAMPLE.COM/?email=a@b.com", "[url]")]
    // Long digit runs
    [InlineData("my account number is 12345678", "my account number is [number]")]
    [InlineData("ID 1234567.", "ID [number].")]
    [InlineData("card 4111 1111 1111 1111 expires", "card [number] expires")]
    [InlineData("card 4111-1111-1111-1111", "card [number]")]
    [InlineData("amex 3782 822463 10005", "amex [number]")]
    [InlineData("ref #98765432101234", "ref #[number]")]
    [InlineData("ID:12345678", "ID:[number]")]
    [InlineData("application 2026-1234567", "application [number]")]
    // Mixed
    [InlineData("I'm jane@x.io, +44 20 7946 0958, ID 1234567", "I'm [email], [phone], ID [number]")]
    public void Personal_details_are_replaced_by_typed_placeholders(string input, string expected)
    {
        Assert.Equal(expected, Redactor.Redact(input));
    }

    [Theory]
    [InlineData("Does it start on 2026-06-01?")]
    [InlineData("Is the deadline 01/06/2026?")]
    [InlineData("Is the deadline 01.06.2026 or 01-06-2026?")]
    [InlineData("Starts June 1st 2026")]
    [InlineData("Is it for 2025 or 2026?")]
    [InlineData("I studied 2019-2023")]
    [InlineData("worked there 2019 2020 2021")]
    [InlineData("Is it 12 weeks long?")]
    [InlineData("3-4 days a week?")]
    [InlineData("a cover letter of 200 words?")]
    [InlineData("Can I use 1.1.1.1 as DNS?")]
    [InlineData("Do I need TCP/IP knowledge?")]
    [InlineData("Standup at 9:30 or 10:15?")]
    [InlineData("Is the bonus 15% or 7.5%?")]
    [InlineData("Is it .NET 10 and C# 12?")]
    [InlineData("Do I need an MSc?")]
    [InlineData("Is the salary 45,000 or £1,200,000?")]
    [InlineData("The office is at 221 Baker Street")]
    [InlineData("Team of 5 to 8 people, 40 hours")]
    [InlineData("Is 123456 a valid code?")]
    [InlineData("Is the site https://example.com/jobs?")]
    [InlineData("See https://example.com/about for details")]
    [InlineData("Visit www.example.com.")]
    [InlineData("Do you use Python 3.12.4 or 3.13?")]
    [InlineData("IP 192.168.100.200 is blocked")]
    [InlineData("from 09:00-17:30 each day")]
    [InlineData("Is it ISO 27001 certified?")]
    [InlineData("Can I start on 1 June 2026 at 9?")]
    [InlineData("Twitter handle @jane_doe")]
    [InlineData("What is the pay, 2000 EUR?")]
    [InlineData("Salary 50 000 - 60 000?")]
    [InlineData("Is the build 10.0.100 required?")]
    [InlineData("between 100 and 1500 applicants, 2026 06 01")]
    [InlineData("Meet at 12:30:45 on 12/31")]
    [InlineData("How long is the internship?")]
    [InlineData("")]
    public void Ordinary_text_is_left_alone(string input)
    {
        Assert.Equal(input, Redactor.Redact(input));
    }

    public static TheoryData<string> AllSamples()
    {
        var data = new TheoryData<string>();
        foreach (var method in new[] { nameof(Personal_details_are_replaced_by_typed_placeholders), nameof(Ordinary_text_is_left_alone) })
        {
            var attributes = typeof(RedactorTests).GetMethod(method)!.GetCustomAttributes(typeof(InlineDataAttribute), false);
            foreach (InlineDataAttribute row in attributes) data.Add((string)row.GetData(null!).Single()[0]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllSamples))]
    public void Redacting_twice_changes_nothing_more(string input)
    {
        var once = Redactor.Redact(input);

        Assert.Equal(once, Redactor.Redact(once));
    }

    [Fact]
    public void Placeholders_themselves_are_not_redacted_again()
    {
        const string text = "[email] [phone] [url] [number]";

        Assert.Equal(text, Redactor.Redact(text));
    }
}
