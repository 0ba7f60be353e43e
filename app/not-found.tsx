import { NotFoundMessage } from "@/components/common/NotFoundMessage";

export default function NotFound() {
  return (
    <NotFoundMessage title="Page not found">
      There is nothing at this address. Captured requests live under a bin’s view page.
    </NotFoundMessage>
  );
}
