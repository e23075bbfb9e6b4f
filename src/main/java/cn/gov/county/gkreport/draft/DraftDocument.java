package cn.gov.county.gkreport.draft;

import java.util.List;

/**
 * The county's draft annual report as content: its title (in the lines it is printed on) and its
 * blocks in reading order, checked by {@link DraftCheck} and written by {@link DraftDocxWriter}.
 */
public record DraftDocument(List<String> titleLines, List<Block> blocks) {

    public DraftDocument {
        titleLines = List.copyOf(titleLines);
        blocks = List.copyOf(blocks);
    }

    public String title() {
        return String.join("", titleLines);
    }

    public List<Block.Heading> headings(int level) {
        return blocks.stream().filter(b -> b instanceof Block.Heading h && h.level() == level)
                .map(Block.Heading.class::cast).toList();
    }

    public List<Block.Table> tables() {
        return blocks.stream().filter(Block.Table.class::isInstance).map(Block.Table.class::cast).toList();
    }

    public List<Block.Paragraph> paragraphs() {
        return blocks.stream().filter(Block.Paragraph.class::isInstance).map(Block.Paragraph.class::cast).toList();
    }
}
