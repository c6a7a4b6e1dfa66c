package org.ward.connector.labels;

import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.ward.connector.discovery.ParallelCalls;
import org.ward.connector.graph.GraphAccessException;
import org.ward.connector.graph.GraphBatch;
import org.ward.connector.inventory.ItemStore;
import org.ward.connector.inventory.ItemStore.UnreadLabel;
import org.ward.connector.labels.collect.FileSensitivityLabels;
import org.ward.connector.runs.ScanRuns;
import org.ward.connector.runs.ScanStage;
import org.ward.connector.runs.StageProgress;

/**
 * The file-label step: reads the sensitivity labels of the Office and PDF files that name a patient and share a
 * folder with a patient recording (consent forms, transcripts, letters), when they changed since Ward last read them.
 * Graph cannot label the recordings themselves, so these are the patient files beside them whose label Ward can know;
 * ordinary documents in the same folder are left alone, since each read costs a call.
 */
class FileLabelTasklet implements Tasklet {

    private final ItemStore items;
    private final FileSensitivityLabels labels;
    private final ParallelCalls parallel;
    private final ScanRuns runs;
    private final StageProgress progress;

    FileLabelTasklet(ItemStore items, FileSensitivityLabels labels, ParallelCalls parallel, ScanRuns runs, StageProgress progress) {
        this.items = items;
        this.labels = labels;
        this.parallel = parallel;
        this.runs = runs;
        this.progress = progress;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunk) {
        long scanId = chunk.getStepContext().getStepExecution().getJobExecution().getExecutionContext().getLong(ScanStage.SCAN_ID);
        List<UnreadLabel> unread = items.unreadLabelsBesideRecordings().stream()
                .filter(file -> LabelableFile.labelable(file.name())).toList();
        List<List<UnreadLabel>> batches = new ArrayList<>();
        for (int i = 0; i < unread.size(); i += GraphBatch.MAX_REQUESTS_PER_BATCH) {
            batches.add(unread.subList(i, Math.min(unread.size(), i + GraphBatch.MAX_REQUESTS_PER_BATCH)));
        }
        progress.begin("reading sensitivity labels of patient files beside recordings", "files", unread.size());
        try {
            parallel.forEach(batches, batch -> {
                items.sensitivityLabelsRead(labels.read(batch));
                progress.advance(batch.size());
            });
        } catch (GraphAccessException e) {
            if (e.status() != 403) {
                throw e;
            }
            runs.addGaps(scanId, List.of("Not read: sensitivity labels of Office and PDF files naming a patient beside recordings. "
                    + e.getMessage()));
        }
        return RepeatStatus.FINISHED;
    }
}
