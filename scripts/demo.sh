#!/usr/bin/env bash
# Sets up the machine (when needed), builds gazette and runs it on the bundled Samples/, offline:
# fetches the sample feeds and article, parses the feeds, summarises the article, and writes what
# it got into out/ (the full digest run arrives with the rendering and delivery stages).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product gazette
gazette=.build/debug/gazette
rm -rf out && mkdir -p out/fetched
urls=()
for file in Samples/feeds/* Samples/articles/*; do urls+=("file://$PWD/$file"); done
"$gazette" fetch --output out/fetched "${urls[@]}"
"$gazette" feed Samples/feeds/harbour-gazette.xml https://harbour.example.org/feed.xml >out/harbour-gazette.xml.json
"$gazette" feed Samples/feeds/science-desk.atom https://science.example.org/feed.atom >out/science-desk.atom.json
"$gazette" extract --json Samples/articles/bridge-reopens.html >out/bridge-reopens.article.json
{
  echo "Samples digest (preview of the parsed and summarised sample sources)"
  echo
  for json in out/*.xml.json out/*.atom.json; do
    /usr/bin/python3 -c 'import json,sys
d=json.load(open(sys.argv[1])); print(d["feed"].get("title","")); print("-"*len(d["feed"].get("title","")))
import re
for e in d["entries"]:
    title = e.get("title", "")
    if e.get("title_type") == "html": title = re.sub("<[^>]+>", "", title)
    print("*", title, "-", e.get("link", ""))
print()' "$json"
  done
  /usr/bin/python3 -c 'import json,sys
a=json.load(open(sys.argv[1])); print(a["title"]); print("=" * len(a["title"])); print(); print("\n\n".join(a["lead"])); print()
for i in a["feedItems"]: print(i["time"], "-", i["headline"])' out/bridge-reopens.article.json
} >out/digest.txt
cat out/digest.txt
echo
echo "Wrote out/digest.txt, the parsed feeds (out/*.json) and the fetched files (out/fetched/)."
