// Reads an Atom or RSS file with @rowanmanning/feed-parser, as a feed reader would, and prints what it understood.
import { readFileSync } from "node:fs";
import { parseFeed } from "@rowanmanning/feed-parser";

const feed = parseFeed(readFileSync(process.argv[2], "utf8"));
console.log(JSON.stringify({
  title: feed.title,
  url: feed.url,
  updated: feed.updated,
  items: feed.items.map(item => ({ id: item.id, title: item.title, url: item.url, authors: item.authors.map(a => a.name), updated: item.updated })),
}));
