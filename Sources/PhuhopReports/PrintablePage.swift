import PhuhopCore

/// The frame of a printable report page: A4, serif, one column, a signature block kept whole.
/// The decision annex and the checklist report share it, as do the web application's print views.
public enum PrintablePage {
    /// The head of a printable HTML page (A4, serif, one column) that a report's body follows;
    /// the browser's "save as PDF" of it gives a clean A4. `title` is already escaped.
    public static func head(title: String, language: Language) -> String {
        let lang = language == .vi ? "vi" : "en"
        return """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>\(styleBlock)</style>
        </head>
        <body>
        <main>
        """
    }

    /// The text of the page's `<style>` element exactly, which a Content-Security-Policy names
    /// by its hash to let it apply.
    public static let styleBlock = "\n" + style + "\n"

    /// What closes a page opened by `head`.
    public static let foot = "</main>\n</body>\n</html>"

    /// The stylesheet of the printable reports (the web application's decision annex is one).
    public static let style = """
        body { font-family: "Times New Roman", serif; font-size: 13pt; line-height: 1.4; margin: 0; color: #000; }
        main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 16pt; text-align: center; text-transform: uppercase; }
        h2 { font-size: 14pt; margin-top: 1.5rem; border-bottom: 1px solid #444; }
        h3 { font-size: 13pt; }
        table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
        th, td { border: 1px solid #444; padding: 0.25rem 0.4rem; vertical-align: top; text-align: left; }
        th { background: #eee; }
        .banner { border: 2px solid #a00; color: #a00; padding: 0.5rem; font-weight: bold; }
        .fields th { width: 12rem; }
        .signature { margin-top: 2rem; margin-left: 55%; text-align: center; break-inside: avoid; }
        @media print {
          @page { size: A4; margin: 18mm 15mm; }
          main { max-width: none; padding: 0; }
          tr, li { break-inside: avoid; }
          h2, h3 { break-after: avoid; }
          .no-print { display: none; }
        }
        """
}
