import { NotFoundMessage } from "@/components/common/NotFoundMessage";

export default function BinNotFound() {
  return (
    <NotFoundMessage title="That is not a bin or delivery link">
      Bin ids are 1 to 64 characters long and use only letters, digits, “-” and “_”; delivery links
      end in a delivery id. Check the link you were given, or create a new echo URL.
    </NotFoundMessage>
  );
}
