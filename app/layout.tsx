import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "Sightline",
  description: "Observability for LLM applications",
  icons: { icon: "/favicon.svg" },
};

// Applies the saved or system theme before paint, so a dark page never flashes light.
const themeScript =
  `(function(){try{var t=localStorage.getItem("sightline-theme");` +
  `var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;` +
  `document.documentElement.classList.toggle("dark",d)}catch(e){}})()`;

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
