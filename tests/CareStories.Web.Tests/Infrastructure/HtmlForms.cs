using AngleSharp.Html.Parser;

namespace CareStories.Web.Tests.Infrastructure;

/// <summary>
/// Posts forms the way a browser does: fetch the page, read every field the form would send (antiforgery token
/// included), change the ones the test names, and post them back.
/// </summary>
public static class HtmlForms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}: {html[..Math.Min(html.Length, 1500)]}");
        }

        return Parser.ParseDocument(html);
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        Parser.ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Fetches <paramref name="url"/>, fills the form and submits it. A value of "" clears a field; a list of values
    /// (comma-free, use <see cref="FormValues"/>) sets every value of a multi-valued field such as a checkbox list.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string url, FormValues values, string formSelector = "main form[method=post], form#account, form#registerForm", string? submitButton = null)
    {
        var document = await client.GetDocumentAsync(url);
        return await client.SubmitFormAsync(document, url, values, formSelector, submitButton);
    }

    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, IHtmlDocument document, string pageUrl, FormValues values, string formSelector = "main form[method=post]", string? submitButton = null)
    {
        var form = document.QuerySelectorAll<IHtmlFormElement>(formSelector).FirstOrDefault()
            ?? throw new InvalidOperationException($"No form matches '{formSelector}' on {pageUrl}.");
        IHtmlElement? button = null;
        if (submitButton is not null)
        {
            button = form.QuerySelector<IHtmlElement>(submitButton)
                ?? document.QuerySelector<IHtmlElement>(submitButton)
                ?? throw new InvalidOperationException($"No button '{submitButton}' in the form on {pageUrl}.");
        }

        var fields = CurrentFields(form);
        foreach (var key in values.Keys)
        {
            fields.RemoveAll(f => f.Key == key);
            fields.AddRange(values.All(key).Select(v => new KeyValuePair<string, string>(key, v)));
        }

        if (button?.GetAttribute("name") is { Length: > 0 } buttonName)
        {
            fields.Add(new(buttonName, button.GetAttribute("value") ?? ""));
        }

        var action = button?.GetAttribute("formaction") ?? form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? pageUrl : action;
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    public static List<KeyValuePair<string, string>> CurrentFields(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            var name = element.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || element.HasAttribute("disabled"))
            {
                continue;
            }

            switch (element)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked)
                    {
                        fields.Add(new(name, input.Value));
                    }

                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement textArea:
                    fields.Add(new(name, textArea.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(name, o.Value)));
                    break;
            }
        }

        return fields;
    }

    /// <summary>Field messages shown next to fields, and the summary's items, for assertions.</summary>
    public static IReadOnlyList<string> FieldErrors(this IDocument document, string fieldName) =>
        document.QuerySelectorAll($"[data-valmsg-for='{fieldName}']").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

    public static IReadOnlyList<string> SummaryErrors(this IDocument document) =>
        document.QuerySelectorAll("[data-error-summary] li").Select(e => e.TextContent.Trim()).ToList();
}

/// <summary>Field name to the value (or values) to send.</summary>
public sealed class FormValues : Dictionary<string, string[]>
{
    public new string this[string key]
    {
        get => string.Join(",", base[key]);
        set => base[key] = [value];
    }

    public IReadOnlyList<string> All(string key) => base[key];

    public void Set(string key, params string[] values) => base[key] = values;
}
