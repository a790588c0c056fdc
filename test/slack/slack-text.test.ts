import { describe, expect, it } from "vitest";
import { slackToPlainText, withoutMentionOf } from "../../src/channels/slack/slack-text.js";

describe("withoutMentionOf", () => {
  it.each([
    ["<@UBOT0001> 児童手当", "児童手当"],
    ["<@UBOT0001|madoguchi> 伊万里 出産祝い金", "伊万里 出産祝い金"],
    ["移住の補助 <@UBOT0001> ある？", "移住の補助 ある？"],
    ["<@UOTHER> さんに聞かれた 児童手当 <@UBOT0001>", "<@UOTHER> さんに聞かれた 児童手当"],
  ])("%j → %j", (input, expected) => expect(withoutMentionOf("UBOT0001", input)).toBe(expected));
});

describe("slackToPlainText", () => {
  it.each([
    [
      "申請書は <https://www.city.imari.saga.jp/forms|こちら> から",
      "申請書は こちら（https://www.city.imari.saga.jp/forms） から",
    ],
    ["<mailto:kosodate@city.example.jp|kosodate@city.example.jp> まで", "kosodate@city.example.jp まで"],
    ["<https://www.city.imari.saga.jp>", "https://www.city.imari.saga.jp"],
    ["担当の <@U024BE7LH|yamada> です", "担当の @yamada です"],
    ["<#C024BE7LR|general> で共有", "#general で共有"],
    ["<!here> 確認", "@here 確認"],
    ["3 &lt; 5 &amp;&amp; 5 &gt; 3", "3 < 5 && 5 > 3"],
    ["&amp;lt; のまま", "&lt; のまま"],
    ["ふつうの返信です。", "ふつうの返信です。"],
  ])("%j → %j", (input, expected) => expect(slackToPlainText(input)).toBe(expected));
});
